/**
 * Every bank layout, read from fixture bytes (each in its bank's encoding, BOM and line ending):
 * which format it is, and exactly which rows come out.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BANK_FORMATS, detectBankFile, parseBankFile, previewCsv, type BankTransaction } from '../../src/importers/bank/index';
import { ImportError } from '../../src/importers/types';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/bank');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DIR, name)));
const FIXTURES = readdirSync(DIR).filter((f) => /\.(csv|xml|ofx)$/.test(f));
const TODAY = '2025-12-01';
const parse = (name: string) => parseBankFile(fixture(name), { today: TODAY });
const utf8 = (s: string) => new TextEncoder().encode(s);

/** The fields that matter, in a compact form: [date, øre, text, balance, pending]. */
const rows = (txs: BankTransaction[]) => txs.map((t) => [t.date, t.amountMinor, t.text, t.balanceMinor ?? null, t.pending]);

describe('fixture files', () => {
  it('every known format has a fixture that is detected as it', () => {
    const detected = new Set(FIXTURES.map((f) => detectBankFile(fixture(f))?.id));
    for (const format of BANK_FORMATS) {
      if (format.id === 'mapped') continue; // chosen by the citizen, never detected
      expect(detected.has(format.id), format.id).toBe(true);
    }
  });

  it.each(FIXTURES)('%s: detect and parse agree, no row skipped', (name) => {
    const statement = parse(name);
    expect(statement.format.id).toBe(detectBankFile(fixture(name))?.id);
    expect(statement.transactions.length).toBeGreaterThan(0);
    expect(statement.issues.filter((i) => i.code === 'bad-date' || i.code === 'bad-amount' || i.code === 'bad-row')).toEqual([]);
    // Oldest first, whatever order the file had.
    const dates = statement.transactions.map((t) => t.date);
    expect(dates).toEqual([...dates].sort());
    for (const t of statement.transactions) expect(Number.isSafeInteger(t.amountMinor)).toBe(true);
  });
});

describe('Danske Bank', () => {
  it('reads the 6-column Windows-1252 export: quoted, CRLF, thousands dots, 1252 punctuation', () => {
    const s = parse('danske-bank.csv');
    expect(s.format.id).toBe('danske-bank');
    expect(rows(s.transactions)).toEqual([
      ['2025-02-01', 2450000, 'Løn februar', 2574010, false],
      ['2025-02-03', -18745, 'Føtex Vesterbro )))) 10422', 2555265, false],
      ['2025-02-03', -15000, 'MobilePay Søren Ærø', 2540265, false],
      ['2025-02-04', -895000, 'Husleje februar', 1645265, false],
      ['2025-02-05', -2400, 'DSB Rejsekort )))) 4455', 1642865, false],
      ['2025-02-05', -2400, 'DSB Rejsekort )))) 4455', 1640465, false],
      ['2025-02-06', -123456, 'CAFÉ MÖLLER „Ø“ … SEATTLE WA...', 1517009, false],
    ]);
    expect(s.transactions[0]!.line).toBe(2);
    expect(s.issues).toEqual([]);
  });

  it('reads the 8-column layout with categories', () => {
    expect(rows(parse('danske-bank-categories.csv').transactions)).toEqual([
      ['2025-03-10', -31275, 'Netto Åboulevarden', 468725, false],
      ['2025-03-11', -45000, 'Q8 Roskildevej', 423725, false],
    ]);
  });

  it('treats a Status other than Udført as pending', () => {
    const s = parseBankFile(utf8('"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"\n"01.02.2025";"Netto";"-10,00";"90,00";"Venter";"Nej"\n'), {
      today: TODAY,
    });
    expect(s.transactions[0]!.pending).toBe(true);
  });
});

describe('Nordea', () => {
  it('legacy: blank first line, Reserveret row dated from "Den DD.MM", newest first put oldest first, value dates', () => {
    const s = parse('nordea-legacy.csv');
    expect(s.format.id).toBe('nordea-legacy');
    expect(rows(s.transactions)).toEqual([
      ['2025-02-03', -4200, 'Nordea pay køb Bageriet Ørsted', 849500, false],
      ['2025-02-05', 200000, 'Overførsel fra opsparing', 1049500, false],
      ['2025-02-06', -24500, 'Dankort-nota Rema 1000 Østerbro', 1025000, false],
      ['2025-02-07', -8950, 'Visa køb EUR 12,00 Café Tärnan Den 07.02', null, true],
    ]);
    expect(s.transactions[1]!.valueDate).toBe('2025-02-04');
    expect(s.transactions[3]!.line).toBe(3);
    expect(s.issues.map((i) => i.code)).toEqual(['pending-row']);
  });

  it('legacy in UTF-8 with LF and no final newline', () => {
    expect(rows(parse('nordea-legacy-utf8.csv').transactions)).toEqual([
      ['2025-01-13', 125050, 'Udbetaling Danmark Boligstøtte', 200000, false],
      ['2025-01-14', -50000, 'Kontanthævning Nørreport', 150000, false],
    ]);
  });

  it('2022 intermediate layout: DD.MM.YYYY, Beskrivelse as text, Navn as counterparty', () => {
    const s = parse('nordea-2022.csv');
    expect(s.format.id).toBe('nordea-2022');
    expect(s.accountId).toBe('1234567890');
    expect(s.transactions.map((t) => [t.date, t.amountMinor, t.text, t.counterparty])).toEqual([
      ['2022-09-01', 550000, 'Kontanthjælp september', 'Københavns Kommune'],
      ['2022-09-02', -12900, 'Netflix.com', 'Netflix'],
    ]);
  });

  it('current: BOM, trailing ";", YYYY/MM/DD, amount second, Reserveret, identical same-day rows kept', () => {
    const s = parse('nordea.csv');
    expect(s.format.id).toBe('nordea');
    expect(s.accountId).toBe('1234567890');
    expect(rows(s.transactions)).toEqual([
      ['2025-03-01', 923810, 'Løn marts', 923810, false],
      ['2025-03-03', -3810, 'Movia Billet', 920000, false],
      ['2025-03-03', -3810, 'Movia Billet', 916190, false],
      ['2025-03-03', -6400, 'Bageriet Nørrebro Den 03.03', null, true],
      ['2025-03-04', -34950, 'Netto 1234 København', 881240, false],
    ]);
    expect(s.issues.filter((i) => i.code === 'balance-mismatch')).toEqual([]);
  });

  it("Nordea's Swedish and English labels map to the same columns", () => {
    const sv = parseBankFile(utf8('Bokföringsdag;Belopp;Avsändare;Mottagare;Namn;Rubrik;Saldo;Valuta\n2025-03-04;-349,50;123;;;ICA Kvantum;8812,40;SEK\n'), {
      today: TODAY,
    });
    expect(sv.format.id).toBe('nordea');
    expect(sv.transactions.map((t) => [t.date, t.amountMinor, t.text, t.currency])).toEqual([['2025-03-04', -34950, 'ICA Kvantum', 'SEK']]);
    const en = parseBankFile(
      utf8(
        'Booking date;Amount;Sender;Recipient;Name;Title;Message;Reference number;Balance;Currency\n2025/03/04;-12,00;FI123;;K-Market;;Card purchase;;100,00;EUR\n',
      ),
      { today: TODAY },
    );
    expect(en.transactions.map((t) => [t.date, t.amountMinor, t.text, t.balanceMinor, t.currency])).toEqual([
      ['2025-03-04', -1200, 'Card purchase', 10000, 'EUR'],
    ]);
  });

  it('a reserved row without a purchase date gets `today`', () => {
    const s = parseBankFile(utf8('Bogført;Tekst;Rentedato;Beløb;Saldo\nReserveret;Dankort-nota Netto; ;-10,00;\n'), { today: '2025-05-06' });
    expect(s.transactions[0]).toMatchObject({ date: '2025-05-06', pending: true });
  });

  it('a purchase date after today belongs to last year', () => {
    const s = parseBankFile(utf8('Bogført;Tekst;Rentedato;Beløb;Saldo\nReserveret;Visa køb Den 30.12;;-10,00;\n'), { today: '2026-01-02' });
    expect(s.transactions[0]!.date).toBe('2025-12-30');
  });
});

describe('Bankdata banks', () => {
  it('Jyske Bank: 13 columns with blank header cells, and the 10-column variant', () => {
    expect(rows(parse('jyske-bank.csv').transactions)).toEqual([
      ['2025-04-15', -108995, 'SuperBrugsen Højbjerg', 1291005, false],
      ['2025-04-16', -21500, 'Apotek Århus', 1269505, false],
    ]);
    expect(rows(parse('jyske-bank-10.csv').transactions)).toEqual([['2025-04-20', -61230, 'Circle K Vejle', 338770, false]]);
  });

  it('Sydbank: UTF-8 with BOM, matched on the first four cells', () => {
    const s = parse('sydbank.csv');
    expect(s.format.id).toBe('sydbank');
    expect(rows(s.transactions)).toEqual([
      ['2025-05-02', -1487962, 'Lidl Aabenraa', 1012038, false],
      ['2025-05-03', 100000, 'Overførsel', 1112038, false],
    ]);
  });

  it('a Bankdata layout with Kontonummer names the account', () => {
    const s = parse('bankdata-konto.csv');
    expect(s.accountId).toBe('7890 0001234567');
    expect(s.transactions[0]!.account).toBe('7890 0001234567');
  });
});

describe('headerless files', () => {
  it('BEC: four columns, DD-MM-YYYY, quoted text with a ";" inside', () => {
    const s = parse('bec-headerless.csv');
    expect(s.format.id).toBe('bec-headerless');
    expect(rows(s.transactions)).toEqual([
      ['2025-02-26', 440000, 'Jobcenter Køge; ydelse', 440000, false],
      ['2025-02-27', -40000, 'Shell Køge', 400000, false],
      ['2025-02-28', -15625, 'Aldi Ringsted', 384375, false],
    ]);
    expect(s.transactions.map((t) => t.line)).toEqual([3, 2, 1]);
  });

  it('BEC: a row without its balance column still fits the shape', () => {
    const s = parseBankFile(utf8('28-02-2025;Aldi Ringsted;-156,25\n27-02-2025;Shell Køge;-400,00;4000,00\n'), { today: TODAY });
    expect(s.format.id).toBe('bec-headerless');
    expect(rows(s.transactions)).toEqual([
      ['2025-02-27', -40000, 'Shell Køge', 400000, false],
      ['2025-02-28', -15625, 'Aldi Ringsted', null, false],
    ]);
  });

  it('Portalbank: an unused first column', () => {
    expect(rows(parse('portalbank-headerless.csv').transactions)).toEqual([
      ['2025-03-11', 200000, 'Indbetaling', 200000, false],
      ['2025-03-12', -27840, 'Meny Thisted', 172160, false],
    ]);
  });

  it('Lån & Spar: seven quoted columns; and its headered export after a preamble', () => {
    expect(rows(parse('laan-spar-headerless.csv').transactions)).toEqual([
      ['2025-06-05', -125000, 'Kvickly Odense', 875000, false],
      ['2025-06-06', -5000, 'Løvbjerg Ribe', 870000, false],
    ]);
    const headered = parse('laan-spar.csv');
    expect(headered.format.id).toBe('laan-spar');
    expect(headered.transactions.map((t) => [t.date, t.amountMinor, t.line])).toEqual([['2025-06-10', -8995, 4]]);
  });

  it('Sparekassen: DD/MM/YYYY, a line break inside a quoted text, line numbers past it', () => {
    const s = parse('sparekassen-headerless.csv');
    expect(rows(s.transactions)).toEqual([
      ['2025-07-01', -750000, 'Overførsel Husleje juli', 250000, false],
      ['2025-07-02', -12000, 'Coop 365 Vejle', 238000, false],
    ]);
    expect(s.transactions.map((t) => t.line)).toEqual([1, 3]);
    expect(parse('sparekassen-business.csv').format.id).toBe('sparekassen-business');
  });
});

describe('Nykredit', () => {
  it('maps 28 columns by name, two accounts in one file, value dates, counterparties', () => {
    const s = parse('nykredit.csv');
    expect(s.format.id).toBe('nykredit');
    expect(s.accountId).toBeUndefined();
    expect(s.transactions.map((t) => [t.date, t.amountMinor, t.text, t.account, t.valueDate, t.counterparty ?? null])).toEqual([
      ['2025-08-02', -123450, 'Ørsted Salg & Service', '54700001112223', '2025-08-01', 'Ørsted'],
      ['2025-08-03', -50000, 'Hævet kort', '54700001112223', '2025-08-03', null],
      ['2025-08-03', 50000, 'Opsparing', '54700009998887', '2025-08-03', 'Egen konto'],
    ]);
    // Balances chain per account: no warning although the two accounts interleave.
    expect(s.issues).toEqual([]);
  });

  it('reads the decimal-point option with a leading space on positives', () => {
    expect(rows(parse('nykredit-decimal-point.csv').transactions)).toEqual([
      ['2025-08-05', -1275, 'Renter', 98725, false],
      ['2025-08-06', 10000, 'Indsat', 108725, false],
    ]);
  });
});

describe('Lunar and Revolut', () => {
  it('Lunar: comma-delimited, space and NBSP thousands, DD.MM.YYYY, transaction ids', () => {
    const s = parse('lunar.csv');
    expect(rows(s.transactions)).toEqual([
      ['2025-09-09', -4500, 'Lagkagehuset', 1245500, false],
      ['2025-09-09', -18900, 'Wolt', 1226600, false],
      ['2025-09-10', 2150000, 'Løn', 3376600, false],
    ]);
    expect(s.transactions[0]!.sourceId).toBe('3f1c2a9e-0b7d-4a55-9a61-1d2e3f4a5b6c');
  });

  it('Lunar: the older header with ISO dates, and Swedish labels', () => {
    expect(rows(parse('lunar-old.csv').transactions)).toEqual([
      ['2024-11-02', -129900, 'Matas', 370100, false],
      ['2024-11-03', -15900, 'Pizza Hut', 354200, false],
    ]);
    const sv = parse('lunar-sv.csv');
    expect(sv.format.id).toBe('lunar');
    expect(sv.transactions[0]).toMatchObject({ date: '2025-01-15', amountMinor: -31250, currency: 'SEK', text: 'ICA Nära' });
  });

  it('Revolut: fee subtracted, pending kept, reverted and declined skipped, currency per row', () => {
    const s = parse('revolut.csv');
    expect(s.transactions.map((t) => [t.date, t.amountMinor, t.currency, t.text, t.pending])).toEqual([
      ['2025-04-01', 50000, 'DKK', 'Top-up by *1234', false],
      ['2025-04-03', -12050, 'DKK', 'Netto', false],
      ['2025-04-04', -865, 'EUR', 'Pret A Manger', false],
      ['2025-04-05', -6000, 'DKK', 'Føtex', true],
    ]);
    expect(s.issues.map((i) => [i.code, i.severity, i.line ?? null])).toEqual([
      ['declined-row', 'skipped', 6],
      ['declined-row', 'skipped', 7],
      ['pending-row', 'warning', null],
    ]);
  });
});

describe('camt.053', () => {
  it('.001.02: a batch entry once, Ustrd before Nm, a reversal, PDNG pending, INFO skipped, references', () => {
    const s = parse('camt053-02.xml');
    expect(s.format.id).toBe('camt053');
    expect(s.accountId).toBe('DK5000400440116243');
    expect(s.transactions.map((t) => [t.date, t.amountMinor, t.text, t.pending, t.sourceId ?? null])).toEqual([
      ['2025-03-03', 450000, 'Kontanthjælp marts 2025', false, 'REF-0001'],
      ['2025-03-05', -30000, 'Samlet betaling 3 regninger', false, 'REF-0002'],
      ['2025-03-10', -9450, 'Netto Aarhus C', false, 'REF-0003'],
      ['2025-03-11', 9450, 'Tilbageført: Netto Aarhus C', false, 'REF-0004'],
      ['2025-03-12', -9450, 'Netto Aarhus C', false, 'REF-0005'],
      ['2025-03-31', -4200, 'Dankort Bageri', true, null],
    ]);
    expect(s.transactions[0]!.counterparty).toBe('Københavns Kommune');
    // Opening 1000 + booked entries = closing 5105.50: no balance warning.
    expect(s.issues.map((i) => i.code)).toEqual(['info-entry']);
  });

  it('.001.08: prefixed names, Sts/Cd, Pty/Nm, two statements with an account per row, reversal sign decided by the balances', () => {
    const s = parse('camt053-08.xml');
    expect(s.accountId).toBeUndefined();
    expect(s.transactions.map((t) => [t.date, t.amountMinor, t.currency, t.text, t.account])).toEqual([
      ['2025-06-10', -7525, 'DKK', 'Føtex Næstved', '0400-4011223344'],
      ['2025-06-11', 7525, 'DKK', 'Tilbageførsel Føtex Næstved', '0400-4011223344'],
      ['2025-06-15', 1000, 'EUR', 'Ola Nordmann', 'DK9520000123456789'],
      ['2025-06-20', -125000, 'DKK', 'Boligforeningen: Husleje juni; Forsyning A/S: Vand juni', 'DK9520000123456789'],
    ]);
    // A batch is one row, and names no single counterparty.
    expect(s.transactions[3]!.counterparty).toBeUndefined();
    expect(s.transactions[2]!.valueDate).toBe('2025-06-16');
    expect(s.issues.map((i) => [i.code, i.severity])).toEqual([['reversal-sign', 'warning']]);
  });

  it('a balance that does not add up is a warning, rows kept', () => {
    const text = new TextDecoder().decode(fixture('camt053-02.xml')).replace('5105.50', '5000.00');
    const s = parseBankFile(utf8(text), { today: TODAY });
    expect(s.transactions).toHaveLength(6);
    expect(s.issues.map((i) => [i.code, i.severity])).toContainEqual(['balance-mismatch', 'warning']);
  });
});

describe('OFX', () => {
  it('1.x SGML: header block, unclosed leaves, CHARSET 1252 bytes, FITID, OFX dates with time zone', () => {
    const s = parse('ofx1-sgml.ofx');
    expect(s.format.id).toBe('ofx');
    expect(s.accountId).toBe('4011223344');
    expect(s.transactions.map((t) => [t.date, t.amountMinor, t.currency, t.text, t.sourceId ?? null])).toEqual([
      ['2025-03-02', -1250, 'DKK', 'Bageriet Ø&Å Kortkøb', 'F-100'],
      ['2025-03-03', 150000, 'DKK', 'Løn', 'F-101'],
      ['2025-03-04', -9995, 'DKK', 'Spotify', null],
    ]);
    expect(s.transactions[2]!.valueDate).toBe('2025-03-03');
  });

  it('2.x XML on one line: credit card, CURDEF, a row in another currency, empty <MEMO/>', () => {
    const s = parse('ofx2.ofx');
    expect(s.transactions.map((t) => [t.date, t.amountMinor, t.currency, t.text])).toEqual([
      ['2025-01-10', -4200, 'EUR', 'Hotel Müller'],
      ['2025-01-12', 1000, 'DKK', 'Refund'],
    ]);
  });
});

describe('CSV details', () => {
  const bec = ['03-02-2025;Netto;-10,00;90,00', '04-02-2025;Føtex;-20,00;70,00', '05-02-2025;Løn;100,00;170,00'];

  it('both row orders give the same rows, oldest first', () => {
    const asc = parseBankFile(utf8(bec.join('\n')), { today: TODAY });
    const desc = parseBankFile(utf8([...bec].reverse().join('\n')), { today: TODAY });
    expect(rows(desc.transactions)).toEqual(rows(asc.transactions));
    expect(asc.issues).toEqual([]);
    expect(desc.issues).toEqual([]);
  });

  it('CRLF, LF and a mix of both, blank lines anywhere, a trailing delimiter', () => {
    const mixed = `\r\n${bec[0]};\r\n\n   \n${bec[1]};\n\r\n${bec[2]};\r\n\r\n`;
    const s = parseBankFile(utf8(mixed), { today: TODAY });
    expect(s.format.id).toBe('bec-headerless');
    expect(s.transactions.map((t) => [t.text, t.line])).toEqual([
      ['Netto', 2],
      ['Føtex', 5],
      ['Løn', 7],
    ]);
  });

  it('the same rows in UTF-8, UTF-8 with BOM and Windows-1252 read alike', () => {
    const text = bec.join('\r\n');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    const latin = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const a = rows(parseBankFile(utf8(text), { today: TODAY }).transactions);
    expect(rows(parseBankFile(bom, { today: TODAY }).transactions)).toEqual(a);
    expect(rows(parseBankFile(latin, { today: TODAY }).transactions)).toEqual(a);
  });

  it('a file mixing UTF-8 and Windows-1252 lines is read line by line, with a warning', () => {
    const latin = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    const bytes = new Uint8Array([...utf8('01-02-2025;Føtex;-10,00;90,00\n'), ...latin('02-02-2025;Bilka Søborg;-20,00;70,00\n')]);
    const s = parseBankFile(bytes, { today: TODAY });
    expect(s.transactions.map((t) => t.text)).toEqual(['Føtex', 'Bilka Søborg']);
    expect(s.issues.map((i) => [i.code, i.severity])).toEqual([['mixed-encoding', 'warning']]);
  });

  it("Danske Bank's comma option is found by the sniffed delimiter", () => {
    const s = parseBankFile(
      utf8('"Dato","Tekst","Beløb","Saldo","Status","Afstemt"\r\n"03.02.2025","Netto, Vesterbro","-1.187,45","12.340,10","Udført","Nej"\r\n'),
      { today: TODAY },
    );
    expect(s.format.id).toBe('danske-bank');
    expect(rows(s.transactions)).toEqual([['2025-02-03', -118745, 'Netto, Vesterbro', 1234010, false]]);
  });

  it('a balance that does not follow is a warning with the line, and no row is lost', () => {
    const s = parseBankFile(utf8([bec[0], bec[1], '05-02-2025;Løn;100,00;999,00', '06-02-2025;Netto;-1,00;998,00'].join('\n')), { today: TODAY });
    expect(s.transactions).toHaveLength(4);
    expect(s.issues.map((i) => [i.code, i.severity, i.line])).toEqual([['balance-mismatch', 'warning', 3]]);
  });

  it('an unreadable row is an issue with its line, the others are read', () => {
    // The short last row ends with a line break: it is a bad row, not one a cut left short.
    const s = parseBankFile(utf8(['Dato;Tekst;Beløb;Saldo', '31.02.2025;A;-1,00;', '01.03.2025;B;-1,0x;', '02.03.2025;C;-1,00;', '03.03.2025\n'].join('\n')), {
      today: TODAY,
    });
    expect(s.transactions.map((t) => t.text)).toEqual(['C']);
    expect(s.issues.map((i) => [i.code, i.severity, i.line])).toEqual([
      ['bad-date', 'skipped', 2],
      ['bad-amount', 'skipped', 3],
      ['bad-row', 'skipped', 5],
    ]);
  });

  it('header cells match whole, not as substrings', () => {
    // "Beløb i alt" is not "Beløb"; nothing else fits either.
    expect(detectBankFile(utf8('Dato;Tekst;Beløb i alt;Saldo\n01.02.2025;A;-1,00;2,00\n'))).toBeNull();
    expect(() => parseBankFile(utf8('Dato;Tekst;Beløb i alt;Saldo\n01.02.2025;A;-1,00;2,00\n'))).toThrow(ImportError);
  });

  it('a column mapping reads a layout nobody knows', () => {
    const bytes = utf8('Når;Hvad;Hvor meget\n2025-03-04;Kiosk;-12.50\n2025-03-05;Kiosk;3\n');
    expect(() => parseBankFile(bytes)).toThrow(expect.objectContaining({ code: 'unknown-format' }));
    const s = parseBankFile(bytes, { mapping: { delimiter: ';', hasHeader: true, date: 0, text: 1, amount: 2, dateStyle: 'YYYY-MM-DD', decimal: '.' } });
    expect(s.format.id).toBe('mapped');
    expect(rows(s.transactions)).toEqual([
      ['2025-03-04', -1250, 'Kiosk', null, false],
      ['2025-03-05', 300, 'Kiosk', null, false],
    ]);
  });

  it('reports progress and can be cancelled', () => {
    const lines = ['Bogført;Tekst;Rentedato;Beløb;Saldo'];
    for (let i = 0; i < 5000; i++) lines.push(`06-02-2025;Netto;06-02-2025;-1,00;`);
    const bytes = utf8(lines.join('\n'));
    const seen: number[] = [];
    parseBankFile(bytes, { onProgress: (n) => seen.push(n) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toBe(5000);
    const controller = new AbortController();
    controller.abort();
    expect(() => parseBankFile(bytes, { signal: controller.signal })).toThrow(expect.objectContaining({ code: 'cancelled' }));
  });

  it('detects a large file from its start, and parses all of it', () => {
    const lines = ['Dato;Tekst;Beløb;Saldo;Hovedkategori;Kategori;Kommentar'];
    for (let i = 0; i < 12000; i++) lines.push(`02.05.2025;Lidl Aabenraa nr. ${i};-1,00;;Mad;Dagligvarer;`);
    lines.push('03.05.2025;Bager Ærø;-2,00;;;;');
    const bytes = Uint8Array.from(lines.join('\r\n'), (c) => c.charCodeAt(0));
    expect(bytes.length).toBeGreaterThan(512 * 1024);
    expect(detectBankFile(bytes)?.id).toBe('sydbank');
    const s = parseBankFile(bytes, { today: TODAY });
    expect(s.transactions).toHaveLength(12001);
    expect(s.transactions[12000]!.text).toBe('Bager Ærø');
  });

  it('previewCsv gives trimmed cells, the delimiter and the encoding', () => {
    const p = previewCsv(fixture('danske-bank.csv'), 3);
    expect(p).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(p.rows).toEqual([
      ['Dato', 'Tekst', 'Beløb', 'Saldo', 'Status', 'Afstemt'],
      ['01.02.2025', 'Løn februar', '24.500,00', '25.740,10', 'Udført', 'Nej'],
      ['03.02.2025', 'Føtex Vesterbro )))) 10422', '-187,45', '25.552,65', 'Udført', 'Nej'],
    ]);
    expect(previewCsv(fixture('lunar.csv')).delimiter).toBe(',');
    expect(previewCsv(fixture('nordea.csv')).encoding).toBe('utf-8');
  });
});
