/**
 * `npm run bench`: the vault's speed in real Chromium, each figure next to a baseline measured
 * in the same run. Builds bench/page.ts with Vite, serves it from 127.0.0.1 (a random port),
 * drives it with playwright-core in headless Chromium, prints a table and writes
 * bench/results/latest.json.
 *
 * Figures (medians of RUNS runs):
 *  - encrypted bulk write of RECORDS notes via RecordStore.write (one call) vs a plaintext Dexie
 *    bulkPut of the same records into a table with 3 indexes; also the same write in 10k batches;
 *  - reading them all back: a fresh Vault, unlock with a precomputed key (no KDF), records.list,
 *    vs a fresh Dexie connection and toArray;
 *  - Argon2id at DEFAULT_KDF and at 2 and 4 passes, to calibrate the choice.
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { DEFAULT_KDF } from '../src/vault/crypto/kdf';
import type { HandlerumBench } from './page';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BATCH = 10_000;
const KDF_RUNS = 3;

const BENCH_DIR = import.meta.dirname;
const RESULTS_DIR = join(BENCH_DIR, 'results');

interface Figure {
  name: string;
  ms: number[];
  medianMs: number;
  baseline?: string;
  ratio?: number;
  goal?: string;
  met?: boolean;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function buildPage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'handlerum-bench-'));
  await build({
    configFile: false,
    root: BENCH_DIR,
    logLevel: 'error', // zod's comments make Rollup warn; nothing to act on
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: true, reportCompressedSize: false },
  });
  return outDir;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
};

/** A static file server for the built page, on 127.0.0.1 only. */
function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = resolve(root, `.${path === '/' ? '/index.html' : decodeURIComponent(path)}`);
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address !== 'object' || !address) throw new Error('bench server has no address');
      done({ server, origin: `http://127.0.0.1:${address.port}` });
    }),
  );
}

/** Calls one of the page's bench functions. */
function call<K extends keyof HandlerumBench>(page: Page, name: K, ...args: Parameters<HandlerumBench[K]>): Promise<Awaited<ReturnType<HandlerumBench[K]>>> {
  return page.evaluate(
    ({ name, args }) => {
      const bench = (window as unknown as { handlerumBench: Record<string, (...a: unknown[]) => unknown> }).handlerumBench;
      return bench[name]!(...args);
    },
    { name, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<HandlerumBench[K]>>>;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 3 : 2)} s`;

function figure(name: string, ms: number[], against?: { name: string; ms: number[]; goal?: { ratio?: number; ms?: number } }): Figure {
  const result: Figure = { name, ms, medianMs: median(ms) };
  if (against) {
    result.baseline = against.name;
    result.ratio = result.medianMs / median(against.ms);
    const goals: string[] = [];
    let met = true;
    if (against.goal?.ratio !== undefined) {
      goals.push(`ratio ≤ ${against.goal.ratio}`);
      met &&= result.ratio <= against.goal.ratio;
    }
    if (against.goal?.ms !== undefined) {
      goals.push(`≤ ${seconds(against.goal.ms)}`);
      met &&= result.medianMs <= against.goal.ms;
    }
    if (goals.length) {
      result.goal = goals.join(', ');
      result.met = met;
    }
  }
  return result;
}

function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.name,
    seconds(f.medianMs),
    f.ms.map((ms) => (ms / 1000).toFixed(2)).join(' / '),
    f.baseline ?? '',
    f.ratio === undefined ? '' : f.ratio.toFixed(2),
    f.goal ? `${f.goal} ${f.met ? '✓' : '✗'}` : '',
  ]);
  const header = ['figure', 'median', 'runs (s)', 'baseline', 'ratio', 'goal'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  const started = Date.now();
  const outDir = await buildPage();
  const { server, origin } = await serve(outDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const chromiumVersion = browser.version();
    const recordBytes = await call(page, 'recordBytes', 1000);
    console.log(`Chromium ${chromiumVersion}; ${RECORDS.toLocaleString('en')} records of ~${Math.round(recordBytes)} bytes; ${RUNS} runs each`);

    const vaultWrite: number[] = [];
    const vaultWriteBatched: number[] = [];
    const plainWrite: number[] = [];
    const vaultRead: number[] = [];
    const plainRead: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Interleaved, so drift in the machine's speed touches both sides of each ratio alike.
      vaultWrite.push(await call(page, 'vaultWrite', `bench-vault-${run}`, RECORDS, RECORDS));
      plainWrite.push(await call(page, 'plainWrite', `bench-plain-${run}`, RECORDS));
      vaultRead.push(await call(page, 'vaultReadAll', `bench-vault-${run}`, RECORDS));
      plainRead.push(await call(page, 'plainReadAll', `bench-plain-${run}`, RECORDS));
      await call(page, 'drop', `bench-vault-${run}`);
      await call(page, 'drop', `bench-plain-${run}`);
      vaultWriteBatched.push(await call(page, 'vaultWrite', `bench-batched-${run}`, RECORDS, BATCH));
      await call(page, 'drop', `bench-batched-${run}`);
      console.log(`run ${run + 1}/${RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }

    const kdfFigures: Figure[] = [];
    await call(page, 'kdf', DEFAULT_KDF); // warm-up: compiles the WebAssembly and grows its memory once
    for (const iterations of [DEFAULT_KDF.iterations, 2, 4].filter((t, i, all) => all.indexOf(t) === i)) {
      const ms: number[] = [];
      for (let run = 0; run < KDF_RUNS; run++) ms.push(await call(page, 'kdf', { ...DEFAULT_KDF, iterations }));
      const label = `Argon2id m=${DEFAULT_KDF.memoryKiB / 1024} MiB t=${iterations} p=${DEFAULT_KDF.parallelism}${iterations === DEFAULT_KDF.iterations ? ' (DEFAULT_KDF)' : ''}`;
      const f = figure(label, ms);
      if (iterations === DEFAULT_KDF.iterations) {
        f.goal = '0.5–1.5 s';
        f.met = f.medianMs >= 500 && f.medianMs <= 1500;
      }
      kdfFigures.push(f);
    }

    // Argon2id's time grows linearly with its passes: fit the t=2 and t=4 medians to say how many
    // passes at this memory size would land in the middle of the 0.5–1.5 s target.
    const perPassMs = (median(kdfFigures.at(-1)!.ms) - median(kdfFigures.at(-2)!.ms)) / 2;
    const fixedMs = median(kdfFigures.at(-2)!.ms) - 2 * perPassMs;
    const calibration = {
      perPassMs: Math.round(perPassMs),
      passesForOneSecond: perPassMs > 0 ? Math.max(1, Math.round((1000 - fixedMs) / perPassMs)) : null,
    };

    const recordsLabel = `${RECORDS / 1000}k`;
    const figures: Figure[] = [
      figure(`plaintext Dexie bulkPut ${recordsLabel} (3 indexes)`, plainWrite),
      figure(`encrypted write ${recordsLabel}, one RecordStore.write call`, vaultWrite, {
        name: 'Dexie bulkPut',
        ms: plainWrite,
        goal: { ratio: 1.3 },
      }),
      figure(`encrypted write ${recordsLabel}, ${Math.ceil(RECORDS / BATCH)} calls of ≤ ${BATCH / 1000}k`, vaultWriteBatched, { name: 'Dexie bulkPut', ms: plainWrite }),
      figure(`plaintext Dexie toArray ${recordsLabel}`, plainRead),
      figure(`decrypt all ${recordsLabel}: open + unlock + records.list`, vaultRead, {
        name: 'Dexie toArray',
        ms: plainRead,
        goal: { ratio: 2, ms: 1000 },
      }),
      ...kdfFigures,
    ];
    console.log('');
    printTable(figures);
    console.log(
      `\nArgon2id at ${DEFAULT_KDF.memoryKiB / 1024} MiB: ~${calibration.perPassMs} ms per pass here; ` +
        `about ${calibration.passesForOneSecond ?? '?'} passes would take ~1 s (DEFAULT_KDF has ${DEFAULT_KDF.iterations}).`,
    );

    mkdirSync(RESULTS_DIR, { recursive: true });
    const results = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, chromium: chromiumVersion },
      config: { records: RECORDS, runs: RUNS, batch: BATCH, kdfRuns: KDF_RUNS, recordBytes: Math.round(recordBytes), defaultKdf: DEFAULT_KDF },
      figures,
      kdfCalibration: calibration,
      durationS: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwritten to bench/results/latest.json (${results.durationS} s in all)`);
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
