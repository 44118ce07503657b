/**
 * The value parsers and helpers of the bank importers: amounts, dates, the Windows-1252 table,
 * de-duplication keys and categories. Inverses are property-tested (SLOW=1 for many runs).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  CATEGORIES,
  categorise,
  formatDanishAmount,
  parseBankDate,
  parseDanishAmount,
  transactionKeys,
  type BankTransaction,
  type CategoryRule,
} from '../../src/importers/bank/index';
import { decodeWindows1252, encodeWindows1252 } from '../../src/importers/bank/cp1252';
import { DATE_STYLES, formatBankDate, parseOfxDate, purchaseDateInText } from '../../src/importers/bank/dates';
import { foldText } from '../../src/importers/bank/categories';

const RUNS = process.env['SLOW'] === '1' ? 20_000 : 300;
// Many runs take minutes: give them the time.
if (process.env['SLOW'] === '1') vi.setConfig({ testTimeout: 600_000 });
const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/bank');

describe('parseDanishAmount', () => {
  it.each([
    ['-1.234,56', -123456],
    ['1234,56', 123456],
    ['1.234.567,89', 123456789],
    ['12 455,00', 1245500],
    ['12\u00a0266,00', 1226600],
    ['1\u202f000,5', 100050],
    ['  -0,00 ', 0],
    ['+7,50', 750],
    ['\u2212 3,10', -310],
    [' 12.50', 1250],
    ['-1234.5', -123450],
    ['1.234', 123400],
    ['42', 4200],
    [',50', 50],
  ])('%j → %d', (text, minor) => {
    expect(parseDanishAmount(text)).toBe(minor);
  });

  it('follows the given decimal mark', () => {
    expect(parseDanishAmount('1,234.56', '.')).toBe(123456);
    expect(parseDanishAmount('1.234', ',')).toBe(123400);
    expect(parseDanishAmount('100.00', '.')).toBe(10000);
    expect(() => parseDanishAmount('1234,56', '.')).toThrow(RangeError);
  });

  it.each([
    '',
    '  ',
    '-',
    'abc',
    '12,345',
    '1,2,3',
    '1.23.4,00',
    '12.34.56',
    '1..2',
    '1.234 567,00',
    '12,3a',
    '1e5',
    '0x10',
    '12,-5',
    '--1',
    '1 2,00',
    '99999999999999999,00',
    'NaN',
    '€ 12,00',
  ])('refuses %j', (text) => {
    expect(() => parseDanishAmount(text)).toThrow(RangeError);
  });

  it('round-trips formatDanishAmount over safe integers, with and without thousands dots', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger().filter((n) => n >= -Number.MAX_SAFE_INTEGER),
        (n) => {
          const text = formatDanishAmount(n);
          expect(parseDanishAmount(text)).toBe(n);
          expect(parseDanishAmount(text.replace(/\./g, ''))).toBe(n);
          expect(parseDanishAmount(text, ',')).toBe(n);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('formats the Danish way', () => {
    expect(formatDanishAmount(-123456)).toBe('-1.234,56');
    expect(formatDanishAmount(5)).toBe('0,05');
    expect(formatDanishAmount(-5)).toBe('-0,05');
    expect(formatDanishAmount(0)).toBe('0,00');
    expect(formatDanishAmount(100000000)).toBe('1.000.000,00');
    expect(() => formatDanishAmount(1.5)).toThrow(RangeError);
    expect(() => formatDanishAmount(2 ** 53)).toThrow(RangeError);
  });
});

describe('parseBankDate', () => {
  it.each([
    ['03.02.2025', '2025-02-03'],
    ['3.2.2025', '2025-02-03'],
    ['03-02-2025', '2025-02-03'],
    ['03/02/2025', '2025-02-03'],
    ['2025/03/04', '2025-03-04'],
    ['2025-03-04', '2025-03-04'],
    [' 29.02.2024 ', '2024-02-29'],
  ])('%j → %s', (text, date) => {
    expect(parseBankDate(text)).toBe(date);
  });

  it.each([
    '31.02.2025',
    '29.02.2025',
    '00.01.2025',
    '01.13.2025',
    '32.01.2025',
    '2025-02-30',
    '03.02.25',
    '03.02.2025 12:00',
    'Reserveret',
    '',
    '03-02.2025',
    '2025.03.04',
    '1.1.1899',
  ])('refuses %j', (text) => {
    expect(parseBankDate(text)).toBeNull();
  });

  it('keeps to the given style', () => {
    expect(parseBankDate('03.02.2025', 'DD-MM-YYYY')).toBeNull();
    expect(parseBankDate('2025/03/04', 'YYYY/MM/DD')).toBe('2025-03-04');
  });

  it('round-trips every style over real dates', () => {
    const day = fc
      .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom(...DATE_STYLES), (date, style) => {
        const written = formatBankDate(date, style);
        expect(parseBankDate(written, style)).toBe(date);
        expect(parseBankDate(written)).toBe(date);
      }),
      { numRuns: RUNS },
    );
  });

  it('OFX dates and card-text purchase dates', () => {
    expect(parseOfxDate('20250304')).toBe('2025-03-04');
    expect(parseOfxDate('20250304120000.000[+1:CET]')).toBe('2025-03-04');
    expect(parseOfxDate('20250304[-5:EST]')).toBe('2025-03-04');
    expect(parseOfxDate('20250230')).toBeNull();
    expect(parseOfxDate('2025-03-04')).toBeNull();
    expect(purchaseDateInText('Visa køb DKK 10,00 Netto Den 03.02', '2025-03-01')).toBe('2025-02-03');
    expect(purchaseDateInText('Visa køb Den 31.12', '2025-01-05')).toBe('2024-12-31');
    expect(purchaseDateInText('Visa køb Den 30.02', '2025-03-05')).toBeNull();
    expect(purchaseDateInText('Netto', '2025-03-05')).toBeNull();
  });
});

describe('Windows-1252', () => {
  const vector = JSON.parse(readFileSync(join(DIR, 'cp1252-vector.json'), 'utf8')) as { table: Record<string, number> };

  it('decodes every assigned byte as Python’s cp1252 codec does', () => {
    const entries = Object.entries(vector.table);
    expect(entries).toHaveLength(251);
    for (const [byte, code] of entries) expect(decodeWindows1252(new Uint8Array([Number(byte)])).codePointAt(0), `byte ${byte}`).toBe(code);
  });

  it('has the typographic characters at 0x80–0x9F and C1 controls in the five gaps', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x82, 0x84, 0x85, 0x89, 0x8a, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9f]))).toBe('€‚„…‰Š“”–—™Ÿ');
    for (const b of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) expect(decodeWindows1252(new Uint8Array([b])).charCodeAt(0)).toBe(b);
  });

  it('encode and decode are inverse over all 256 bytes', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(encodeWindows1252(decodeWindows1252(all))).toEqual(all);
    expect(() => encodeWindows1252('✓')).toThrow(RangeError);
  });
});

function tx(partial: Partial<BankTransaction>): BankTransaction {
  return { date: '2025-03-03', amountMinor: -2400, currency: 'DKK', text: 'DSB Rejsekort', pending: false, line: 1, ...partial };
}

describe('transactionKeys', () => {
  it('gives identical rows distinct keys and uses the source id when there is one', () => {
    const keys = transactionKeys('acc', [tx({}), tx({ line: 2 }), tx({ sourceId: 'X1' }), tx({ balanceMinor: 100 })]);
    expect(new Set(keys).size).toBe(4);
    expect(keys[2]).toContain('X1');
    expect(transactionKeys('other', [tx({})])[0]).not.toBe(keys[0]);
  });

  it('is stable under row order and distinct for identical rows', () => {
    const row = fc.record({
      date: fc.constantFrom('2025-03-03', '2025-03-04'),
      amountMinor: fc.constantFrom(-2400, 100),
      text: fc.constantFrom('Bus', 'Netto'),
      pending: fc.boolean(),
      balance: fc.option(fc.constantFrom(0, 500), { nil: undefined }),
      sourceId: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.infiniteStream(fc.nat()), (raw, noise) => {
        // Rows sharing a source id are the same row: keep one of each, as a source would.
        const seenIds = new Set<string>();
        const txs = raw
          .filter((r) => r.sourceId === undefined || (!seenIds.has(r.sourceId) && seenIds.add(r.sourceId)))
          .map((r, i) =>
            tx({
              date: r.date,
              amountMinor: r.amountMinor,
              text: r.text,
              pending: r.pending,
              line: i + 1,
              ...(r.balance !== undefined ? { balanceMinor: r.balance } : {}),
              ...(r.sourceId ? { sourceId: r.sourceId } : {}),
            }),
          );
        const keys = transactionKeys('acc', txs);
        expect(new Set(keys).size).toBe(txs.length);
        const it = noise[Symbol.iterator]();
        const shuffled = txs
          .map((t) => [it.next().value as number, t] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, t]) => t);
        expect([...transactionKeys('acc', shuffled)].sort()).toEqual([...keys].sort());
      }),
      { numRuns: RUNS },
    );
  });
});

describe('categories', () => {
  it('has unique ids with both languages', () => {
    expect(new Set(CATEGORIES.map((c) => c.id)).size).toBe(CATEGORIES.length);
    for (const c of CATEGORIES) {
      expect(c.label.da.length).toBeGreaterThan(0);
      expect(c.label.en.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['Dankort-nota Netto 1234 København', -12000, 'groceries'],
    ['FØTEX VESTERBRO )))) 10422', -18745, 'groceries'],
    ['Rema 1000 Østerbro', -100, 'groceries'],
    ["Dagli'Brugsen Tarm", -100, 'groceries'],
    ['Coop 365 Vejle', -100, 'groceries'],
    ['Bageriet Nørrebro', -100, 'groceries'],
    ['Løvbjerg Ribe', -100, 'groceries'],
    ['Spar Hellerup', -100, 'groceries'],
    ['DSB Rejsekort', -2400, 'transport'],
    ['Q8 Roskildevej', -45000, 'transport'],
    ['OK Plus Herning', -45000, 'transport'],
    ['Circle K Vejle', -100, 'transport'],
    ['MobilePay Søren', -15000, 'mobilepay'],
    ['MobilePay Søren', 15000, 'mobilepay'],
    ['MobilePay køb Netto Vesterbro', -4500, 'groceries'],
    ['Firma Irma', -100, 'groceries'],
    ['Bookning firma', -100, 'other'],
    ['Lønoverførsel', 100, 'salary'],
    ['Løn', -100, 'other'],
    ['Løn marts', 2450000, 'salary'],
    ['Københavns Kommune kontanthjælp', 550000, 'public-benefits'],
    ['Udbetaling Danmark Boligstøtte', 125050, 'public-benefits'],
    ['Husleje februar', -895000, 'housing'],
    ['Apotek Århus', -21500, 'health'],
    ['Netflix.com', -12900, 'subscriptions'],
    ['Espresso House', -4500, 'restaurants'],
    ['Kontanthævning Nørreport', -50000, 'cash'],
    ['Gebyr kort', -2500, 'fees'],
    ['Overførsel fra opsparing', 200000, 'transfers'],
    ['Firma ApS faktura', -100, 'other'],
    ['Bookning hotel', -100, 'other'],
    ['Skattefri gave', 100, 'other-income'],
  ])('%j (%d) → %s', (text, amountMinor, category) => {
    expect(categorise(tx({ text, amountMinor }))).toBe(category);
  });

  it('folds case and accents but keeps æ, ø and å as letters', () => {
    expect(foldText('CAFÉ Müller ÆØÅ')).toBe('cafe muller æøå');
    expect(foldText('Å')).toBe('å');
    expect(foldText('Råd')).not.toBe('rad');
  });

  it('lets the citizen’s rules win, with amount limits, folded', () => {
    const rules: CategoryRule[] = [
      { id: 'r1', match: 'NETTO', category: 'restaurants', maxAmountMinor: -100000 },
      { id: 'r2', match: 'cafe tarnan', category: 'shopping' },
      { id: 'r3', match: 'råd', category: 'fees' },
    ];
    expect(categorise(tx({ text: 'Netto 1234', amountMinor: -200000 }), rules)).toBe('restaurants');
    expect(categorise(tx({ text: 'Netto 1234', amountMinor: -500 }), rules)).toBe('groceries');
    expect(categorise(tx({ text: 'Café Tärnan', amountMinor: -500 }), rules)).toBe('shopping');
    expect(categorise(tx({ text: 'Rad og vand', amountMinor: -500 }), rules)).toBe('other');
  });
});
