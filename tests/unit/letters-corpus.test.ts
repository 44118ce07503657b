/**
 * The reader against the corpus of test letters (tests/fixtures/letters, made by
 * scripts/make-letter-corpus.ts): precision and recall per field, printed as a table. Fails
 * under 95 % recall for deadlines and case numbers, and on any deadline the letter does not
 * have (a wrong deadline date is worse than none: the citizen would trust it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText, type PdfText } from '../../src/letters/pdf/extract';
import { readLetter } from '../../src/letters/reading/read';
import type { Found, LetterReading } from '../../src/letters/reading/types';
import type { Expected } from '../../scripts/letters/spec';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'letters');

interface Fixture {
  readonly file: string;
  readonly scan?: boolean;
  readonly context?: { readonly receivedOn?: string };
  readonly expect: Expected;
}

const fixtures: Fixture[] = readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Fixture);

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  wrong: string[];
}

const tallies = new Map<string, Tally>();
const results = new Map<string, { pdf: PdfText; reading: LetterReading }>();

/** Compares found and expected values of one field as multisets of keys. */
function score(field: string, letter: string, found: readonly string[], expected: readonly string[]): void {
  const tally = tallies.get(field) ?? { tp: 0, fp: 0, fn: 0, wrong: [] };
  tallies.set(field, tally);
  const left = [...expected];
  for (const value of found) {
    const at = left.indexOf(value);
    if (at >= 0) {
      tally.tp += 1;
      left.splice(at, 1);
    } else {
      tally.fp += 1;
      tally.wrong.push(`${letter}: found ${value}`);
    }
  }
  tally.fn += left.length;
  for (const value of left) tally.wrong.push(`${letter}: missed ${value}`);
}

const one = (value: string | undefined): string[] => (value === undefined ? [] : [value]);

function scoreLetter({ file, expect: e }: Fixture, r: LetterReading): void {
  score('language', file, [r.language], [e.language]);
  score('kind', file, [r.kind], [e.kind]);
  score('sender.kind', file, one(r.sender?.value.kind), one(e.sender?.kind));
  score('sender.name', file, one(r.sender?.value.name), one(e.sender?.name));
  score('sender.unit', file, one(r.sender?.value.unit), one(e.sender?.unit));
  score('letterDate', file, one(r.letterDate?.value), one(e.letterDate));
  score(
    'caseNumbers',
    file,
    r.caseNumbers.map((f) => f.value),
    e.caseNumbers,
  );
  score(
    'journalNumbers',
    file,
    r.journalNumbers.map((f) => f.value),
    e.journalNumbers,
  );
  score('kle', file, one(r.kle?.value.code), one(e.kle));
  const deadlines = r.dates.filter((f) => f.value.meaning !== 'appointment');
  score(
    'deadlines',
    file,
    deadlines.map((f) => `${f.value.meaning} ${f.value.date}`),
    e.deadlines.map((d) => `${d.meaning} ${d.date}`),
  );
  const appointments = r.dates.filter((f) => f.value.meaning === 'appointment');
  score(
    'appointments',
    file,
    appointments.map((f) => `${f.value.date} ${f.value.time ?? ''}`),
    e.appointments.map((a) => `${a.date} ${a.time}`),
  );
  score(
    'places',
    file,
    appointments.flatMap((f) => one(f.value.place)),
    e.appointments.flatMap((a) => one(a.place)),
  );
  score(
    'amounts',
    file,
    r.amounts.map((f) => String(f.value.ore)),
    e.amounts.map(String),
  );
  score('outcome', file, one(r.outcome?.value), one(e.outcome));
  score(
    'rules',
    file,
    r.rules.map((f) => `${f.value.section} ${f.value.law}`),
    e.rules.map((x) => `${x.section} ${x.law}`),
  );
  score('contact.name', file, one(r.contact?.value.name), one(e.contact?.name));
  score('contact.phone', file, one(r.contact?.value.phone), one(e.contact?.phone));
  score('contact.email', file, one(r.contact?.value.email), one(e.contact?.email));
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);
const percent = (x: number): string => `${(x * 100).toFixed(1)} %`.padStart(8);
const precision = (t: Tally) => ratio(t.tp, t.tp + t.fp);
const recall = (t: Tally) => ratio(t.tp, t.tp + t.fn);

beforeAll(async () => {
  for (const fixture of fixtures) {
    const pdf = await extractPdfText(new Uint8Array(readFileSync(join(DIR, fixture.file))));
    const reading = readLetter({ pages: pdf.pages }, fixture.context ?? {});
    results.set(fixture.file, { pdf, reading });
    scoreLetter(fixture, reading);
  }
  const rows = [...tallies].map(
    ([field, t]) => `${field.padEnd(16)}${percent(precision(t))}${percent(recall(t))}   (${t.tp} right, ${t.fp} extra, ${t.fn} missed)`,
  );
  console.log(`Letter corpus: ${fixtures.length} letters\nfield            precision  recall\n${rows.join('\n')}`);
  const misses = [...tallies].flatMap(([field, t]) => t.wrong.map((w) => `${field} — ${w}`));
  if (misses.length > 0) console.log(`Differences:\n${misses.join('\n')}`);
}, 120_000);

describe('the letter corpus', () => {
  it('has at least 40 letters of every kind, sender and language asked for', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(fixtures.map((f) => f.expect.kind));
    for (const kind of ['decision', 'hearing', 'summons', 'receipt', 'payment-statement', 'access-reply', 'other'] as const) expect(kinds).toContain(kind);
    const senders = new Set(fixtures.map((f) => f.expect.sender?.kind));
    for (const sender of ['municipality', 'udbetaling-danmark', 'skattestyrelsen', 'region', 'hospital', 'gp'] as const) expect(senders).toContain(sender);
    expect(new Set(fixtures.map((f) => f.expect.language))).toEqual(new Set(['da', 'en', 'de', 'other']));
    expect(fixtures.filter((f) => f.expect.deadlines.length >= 2).length).toBeGreaterThan(0);
  });

  it('says which letters are scans and finds nothing in them', () => {
    for (const fixture of fixtures) {
      const { pdf, reading } = results.get(fixture.file)!;
      expect(pdf.hasTextLayer, fixture.file).toBe(!fixture.scan);
      if (fixture.scan) expect({ kind: reading.kind, dates: reading.dates, numbers: reading.caseNumbers }).toEqual({ kind: 'other', dates: [], numbers: [] });
    }
  });

  it('finds at least 95 % of deadlines and case numbers', () => {
    expect(recall(tallies.get('deadlines')!)).toBeGreaterThanOrEqual(0.95);
    expect(recall(tallies.get('caseNumbers')!)).toBeGreaterThanOrEqual(0.95);
  });

  it('never reports a deadline the letter does not have', () => {
    expect(tallies.get('deadlines')!.wrong.filter((w) => w.includes(': found '))).toEqual([]);
  });

  it('points every finding at the letter’s own words', () => {
    for (const { pdf, reading } of results.values()) {
      const findings: Found<unknown>[] = [...reading.caseNumbers, ...reading.journalNumbers, ...reading.dates, ...reading.amounts, ...reading.rules];
      for (const f of findings) expect(pdf.pages[f.page]!.slice(f.start, f.end).trim()).not.toBe('');
      for (const f of [...reading.caseNumbers, ...reading.journalNumbers]) expect(pdf.pages[f.page]!.slice(f.start, f.end)).toBe(f.value);
    }
  });
});
