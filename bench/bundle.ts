/**
 * Bundle benchmark (Node): create and open a 10,000-record bundle, and the receiver's
 * throughput against the stock `age` CLI decrypting the same file in the same run.
 *
 *   node --import tsx bench/bundle.ts      (or: npm run bench:bundle)
 *
 * Goals: create ≤ 300 ms, open ≤ 300 ms. `age -d` is timed as a process (start-up included;
 * `age --version` is shown for that start-up alone). In Node the payload's ChaCha20-Poly1305 is
 * OpenSSL's (src/bundle/chunk-aead.ts); the JavaScript one browsers run is timed beside it. Medians of several runs; the machine is
 * noisy, so compare ratios from one run rather than absolute figures across runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter } from 'age-encryption';
import { createBundle, generateIdentity, openBundle } from '../src/bundle/index';
import { open } from '../src/receiver/sdk';
import { ageDecrypt, parseAgeIdentity } from '../src/bundle/age';
import { CHUNK_AEAD, NOBLE_CHUNK_AEAD } from '../src/bundle/chunk-aead';
import { KEYS, smallContent, TIMES } from '../scripts/make-bundle-vectors';

const RECORDS = Number(process.env.RECORDS ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 7);

type Operation = [name: string, run: () => unknown];

/**
 * Each operation's median time over RUNS rounds, after one warm-up round. A round runs every
 * operation once, in turn, so a change in how busy the machine is weighs on all of them alike
 * and the ratios to `age -d` hold even when the absolute times drift.
 */
async function medians(operations: Operation[]): Promise<[string, number][]> {
  const times = operations.map((): number[] => []);
  for (let round = -1; round < RUNS; round++) {
    for (const [i, [, run]] of operations.entries()) {
      const start = performance.now();
      await run();
      if (round >= 0) times[i]!.push(performance.now() - start);
    }
  }
  return operations.map(([name], i) => [name, times[i]!.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!]);
}

const texts = ['Føtex Aarhus C', 'Netto Viby J', 'Rema 1000 Åbyhøj', 'DSB Rejsekort', 'Løn december', 'Aarhus Kommune boligstøtte'];
const transactions = Array.from({ length: RECORDS }, (_, i) => ({
  id: `tx-${String(i).padStart(6, '0')}`,
  date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  amountMinor: -((i * 7919) % 250_000),
  currency: 'DKK',
  text: `${texts[i % texts.length]} ${i}`,
  counterparty: texts[(i + 3) % texts.length],
  balanceMinor: 1_000_000 - i * 13,
  category: ['food', 'transport', 'housing', 'income'][i % 4],
  account: '1234-5678901',
  sourceId: `FIT${i.toString(36).toUpperCase().padStart(8, '0')}`,
  pending: false,
}));

const { identity, recipient } = generateIdentity();
const input = {
  issuer: KEYS.issuer,
  recipient: { kind: 'x25519' as const, ageRecipient: recipient },
  content: { ...smallContent(), data: { transactions } },
  issuedAt: TIMES.issuedAt,
  expiresAt: TIMES.expiresAt,
};

const bundle = await createBundle(input);
const opened = await openBundle(bundle, { identity, now: TIMES.during });
if (!opened.ok) throw new Error(`the bundle does not open: ${opened.reason}`);

const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
const file = join(dir, 'bundle.age');
const key = join(dir, 'key.txt');
writeFileSync(file, bundle);
writeFileSync(key, `${identity}\n`);
const secretKey = parseAgeIdentity(identity);
const decrypter = new Decrypter();
decrypter.addIdentity(identity);

const rows = await medians([
  ['age -d (CLI process, same file)', () => execFileSync('age', ['-d', '-i', key, '-o', '/dev/null', file])],
  ['age --version (process start only)', () => execFileSync('age', ['--version'])],
  ['age-encryption Decrypter (library)', () => decrypter.decrypt(bundle)],
  [`our age decrypt only (${CHUNK_AEAD.name})`, () => ageDecrypt(bundle, { kind: 'x25519', secretKey })],
  ...(CHUNK_AEAD === NOBLE_CHUNK_AEAD
    ? []
    : ([
        ['our age decrypt, JavaScript only (@noble/ciphers, as in browsers)', () => ageDecrypt(bundle, { kind: 'x25519', secretKey }, NOBLE_CHUNK_AEAD)],
      ] as Operation[])),
  ['open, the receiver kit (decrypt + verify; data parsed on first read)', () => open(bundle, { identity, now: TIMES.during })],
  [
    'open, then read data (parses data.json)',
    async () => {
      const result = await open(bundle, { identity, now: TIMES.during });
      if (result.ok) return Object.keys(result.data).length;
      throw new Error(result.reason);
    },
  ],
  ['openBundle, parseData at-open (decrypt + verify + parse)', () => openBundle(bundle, { identity, now: TIMES.during })],
  ['createBundle', () => createBundle(input)],
]);
rmSync(dir, { recursive: true, force: true });

const mb = bundle.length / 1e6;
const baseline = rows[0]![1];
process.stdout.write(`\nBundle of ${RECORDS.toLocaleString('en')} records: ${mb.toFixed(2)} MB, medians of ${RUNS} runs (Node ${process.version})\n\n`);
process.stdout.write(`| operation | ms | MB/s | × age -d |\n|---|---:|---:|---:|\n`);
for (const [name, ms] of rows) {
  process.stdout.write(`| ${name} | ${ms.toFixed(1)} | ${(mb / (ms / 1000)).toFixed(1)} | ${(ms / baseline).toFixed(2)} |\n`);
}
const create = rows.find(([n]) => n === 'createBundle')![1];
const openMs = rows.find(([n]) => n.startsWith('open, the receiver kit'))![1];
process.stdout.write(
  `\nGoal ≤ 300 ms: create ${create <= 300 ? 'met' : 'NOT met'} (${create.toFixed(0)} ms), open ${openMs <= 300 ? 'met' : 'NOT met'} (${openMs.toFixed(0)} ms)\n`,
);
process.stdout.write(`Goal ≤ 3× age -d (issue 11, at 50 MB: RECORDS=200000): open ${(openMs / baseline).toFixed(2)}×\n`);
