/**
 * `npm run letter -- <file.pdf>… [--json] [--text] [--received=YYYY-MM-DD]`: what Handlerum
 * reads from PDF letters, with the same code as the extension (src/letters). Several files at
 * once for bulk checks; a file that cannot be read is reported by its error code and the rest
 * go on. Exit code 1 when any file failed, 2 on wrong usage.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isCodedError } from '../src/shared/coded-error';
import { extractPdfText, type PdfText } from '../src/letters/pdf/extract';
import { readLetter } from '../src/letters/reading/read';
import type { Found, LetterReading, MeaningfulDate } from '../src/letters/reading/types';

const USAGE = 'usage: npm run letter -- <file.pdf>… [--json] [--text] [--received=YYYY-MM-DD]';

interface Outcome {
  readonly file: string;
  readonly pdf?: Omit<PdfText, 'pages'>;
  readonly reading?: LetterReading;
  readonly text?: readonly string[];
  readonly error?: { code: string; detail: string };
}

const kroner = (ore: number): string => `${(ore / 100).toLocaleString('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kr.`;

function describeDate({ value }: Found<MeaningfulDate>): string {
  const at = [value.date, value.time].filter(Boolean).join(' kl. ');
  const place = value.place ? `, ${value.place}` : '';
  const rule = value.rule;
  if (rule.kind === 'stated') return `${value.meaning}: ${at}${place}`;
  const unit = { 'weeks-after-receipt': 'weeks', 'days-after-receipt': 'days', 'months-after-receipt': 'months' }[rule.kind];
  const from = rule.fromIs === 'received' ? 'the day it was received' : "the letter's date, standing in for the day it reached Digital Post";
  const moved = rule.movedFrom ? `; ${rule.movedFrom} is a closed day, so the deadline moves on` : '';
  return `${value.meaning}: ${at} (${rule.count} ${unit} after ${rule.from}, ${from}${moved})`;
}

function print(outcome: Outcome): void {
  console.log(`\n== ${outcome.file}`);
  if (outcome.error) {
    console.log(`   error: ${outcome.error.code}${outcome.error.detail ? ` (${outcome.error.detail})` : ''}`);
    return;
  }
  const { pdf, reading } = outcome;
  if (!pdf || !reading) return;
  console.log(`   ${pdf.pageCount} page(s)${pdf.hasTextLayer ? '' : ', no text layer: a scan, nothing can be read'}`);
  const line = (label: string, value: string | undefined) => value && console.log(`   ${label.padEnd(14)}${value}`);
  line('language', reading.language);
  line('sender', reading.sender && [reading.sender.value.name, reading.sender.value.unit].filter(Boolean).join(', ') + ` (${reading.sender.value.kind})`);
  line('kind', reading.kind);
  line('dated', reading.letterDate?.value);
  line('case no.', reading.caseNumbers.map((f) => f.value).join(', '));
  line('journal no.', reading.journalNumbers.map((f) => f.value).join(', '));
  line('KLE', reading.kle && `${reading.kle.value.code} ${reading.kle.value.title} (from ${reading.kle.value.from})`);
  for (const date of reading.dates) line('date', describeDate(date));
  for (const { value } of reading.amounts) line('amount', `${kroner(value.ore)}${value.purpose ? ` — ${value.purpose}` : ''}`);
  line('outcome', reading.outcome?.value);
  line('rules', reading.rules.map((f) => `${f.value.section} ${f.value.law}`).join('; '));
  const contact = reading.contact?.value;
  line('contact', contact && [contact.name, contact.phone, contact.email, contact.hours].filter(Boolean).join(', '));
  if (outcome.text) outcome.text.forEach((page, i) => console.log(`\n-- page ${i + 1} --\n${page}`));
}

async function readOne(path: string, receivedOn: string | undefined, withText: boolean): Promise<Outcome> {
  const file = basename(path);
  try {
    const { pages, ...pdf } = await extractPdfText(new Uint8Array(await readFile(path)));
    const reading = readLetter({ pages }, receivedOn ? { receivedOn } : {});
    return { file, pdf, reading, ...(withText ? { text: pages } : {}) };
  } catch (error) {
    if (isCodedError(error)) return { file, error: { code: error.code, detail: error.detail } };
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (typeof code === 'string') return { file, error: { code: `file-${code}`, detail: '' } };
    throw error;
  }
}

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
const json = args.includes('--json');
const withText = args.includes('--text');
const received = args.find((a) => a.startsWith('--received='))?.slice('--received='.length);
const unknown = args.filter((a) => a.startsWith('--') && a !== '--json' && a !== '--text' && !a.startsWith('--received='));
if (files.length === 0 || unknown.length > 0 || (received !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(received))) {
  console.error(USAGE);
  process.exit(2);
}
const outcomes: Outcome[] = [];
for (const path of files) {
  const outcome = await readOne(path, received, withText);
  outcomes.push(outcome);
  if (!json) print(outcome);
}
if (json) console.log(JSON.stringify(files.length === 1 ? outcomes[0] : outcomes, null, 2));
process.exitCode = outcomes.some((o) => o.error) ? 1 : 0;
