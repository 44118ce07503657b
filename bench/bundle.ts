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
import { ageDecrypt, parseAgeIdentity } from '../src/bundle/age';
import { CHUNK_AEAD, NOBLE_CHUNK_AEAD } from '../src/bundle/chunk-aead';
import { KEYS, smallContent, TIMES } from '../scripts/make-bundle-vectors';

const RECORDS = Number(process.env.RECORDS ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 7);

async function median(fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
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

const rows: [string, number][] = [
  ['age -d (CLI process, same file)', await median(() => execFileSync('age', ['-d', '-i', key, '-o', '/dev/null', file]))],
  ['age --version (process start only)', await median(() => execFileSync('age', ['--version']))],
  ['age-encryption Decrypter (library)', await median(() => decrypter.decrypt(bundle))],
  [`our age decrypt only (${CHUNK_AEAD.name})`, await median(() => ageDecrypt(bundle, { kind: 'x25519', secretKey }))],
  ...(CHUNK_AEAD === NOBLE_CHUNK_AEAD
    ? []
    : ([
        [
          'our age decrypt, JavaScript only (@noble/ciphers, as in browsers)',
          await median(() => ageDecrypt(bundle, { kind: 'x25519', secretKey }, NOBLE_CHUNK_AEAD)),
        ],
      ] as [string, number][])),
  ['openBundle (decrypt + verify + parse)', await median(() => openBundle(bundle, { identity, now: TIMES.during }))],
  ['createBundle', await median(() => createBundle(input))],
];
rmSync(dir, { recursive: true, force: true });

const mb = bundle.length / 1e6;
const baseline = rows[0]![1];
process.stdout.write(`\nBundle of ${RECORDS.toLocaleString('en')} records: ${mb.toFixed(2)} MB, medians of ${RUNS} runs (Node ${process.version})\n\n`);
process.stdout.write(`| operation | ms | MB/s | × age -d |\n|---|---:|---:|---:|\n`);
for (const [name, ms] of rows) {
  process.stdout.write(`| ${name} | ${ms.toFixed(1)} | ${(mb / (ms / 1000)).toFixed(1)} | ${(ms / baseline).toFixed(2)} |\n`);
}
const create = rows.find(([n]) => n === 'createBundle')![1];
const open = rows.find(([n]) => n.startsWith('openBundle'))![1];
process.stdout.write(
  `\nGoal ≤ 300 ms: create ${create <= 300 ? 'met' : 'NOT met'} (${create.toFixed(0)} ms), open ${open <= 300 ? 'met' : 'NOT met'} (${open.toFixed(0)} ms)\n`,
);
