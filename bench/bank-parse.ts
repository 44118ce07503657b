/**
 * Quick local timing of the bank CSV importer against a plain PapaParse split of the same file
 * (100k rows per layout). Node only; the real figures come from `npm run bench` in Chromium.
 * Run: node --import tsx bench/bank-parse.ts
 */
import Papa from 'papaparse';
import { parseBankFile } from '../src/importers/bank/index';

const ROWS = Number(process.env['ROWS'] ?? 100_000);
const MERCHANTS = [
  'Netto 1234 København',
  'Føtex Vesterbro )))) 10422',
  'DSB Rejsekort',
  'MobilePay Søren Ærø',
  'Løn',
  'Visa køb EUR 12,00 Café Tärnan Den 07.02',
];

function danske(n: number): string {
  const lines = ['"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"'];
  let balance = 1_000_000;
  for (let i = 0; i < n; i++) {
    const amount = -((i * 7919) % 250_000) - 1;
    balance += amount;
    const d = new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 40) * 86_400_000);
    const date = `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
    lines.push(`"${date}";"${MERCHANTS[i % MERCHANTS.length]}";"${fmt(amount)}";"${fmt(balance)}";"Udført";"Nej"`);
  }
  return lines.join('\r\n');
}

function nordea(n: number): string {
  const lines = ['Bogføringsdato;Beløb;Afsender;Modtager;Navn;Beskrivelse;Saldo;Valuta;Afstemt;'];
  let balance = 1_000_000;
  for (let i = 0; i < n; i++) {
    const amount = -((i * 7919) % 250_000) - 1;
    balance += amount;
    const d = new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 40) * 86_400_000);
    const date = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`;
    lines.push(
      `${date};${(amount / 100).toFixed(2).replace('.', ',')};1234567890;;;${MERCHANTS[i % MERCHANTS.length]};${(balance / 100).toFixed(2).replace('.', ',')};DKK;;`,
    );
  }
  return lines.join('\n');
}

function fmt(minor: number): string {
  const s = (Math.abs(minor) / 100).toFixed(2).replace('.', ',');
  const [int, frac] = s.split(',');
  return `${minor < 0 ? '-' : ''}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac}`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median CPU time in ms (user + system): steadier than wall time on a shared, busy machine. */
function time(fn: () => void, runs = 7): number {
  fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    t.push((used.user + used.system) / 1000);
  }
  return median(t);
}

for (const [name, text] of [
  ['danske-bank (quoted, 1252)', danske(ROWS)],
  ['nordea (unquoted, UTF-8)', nordea(ROWS)],
] as const) {
  const bytes = name.includes('1252') ? Uint8Array.from(text, (c) => c.charCodeAt(0)) : new TextEncoder().encode(text);
  const papa = time(() => {
    Papa.parse(new TextDecoder().decode(bytes), { delimiter: ';' });
  });
  let rows = 0;
  const ours = time(() => {
    rows = parseBankFile(bytes, { today: '2025-12-01' }).transactions.length;
  });
  console.log(
    `${name}: ${rows} rows, ${(bytes.length / 1e6).toFixed(1)} MB — PapaParse ${papa.toFixed(0)} ms, parseBankFile ${ours.toFixed(0)} ms ` +
      `(${Math.round(rows / (ours / 1000)).toLocaleString('en')} rows per CPU second, ${(ours / papa).toFixed(2)}× PapaParse)`,
  );
}
