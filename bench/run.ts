/**
 * `npm run bench`: the vault's speed in real Chromium, each figure next to a baseline measured
 * in the same run. Builds bench/page.ts with Vite, serves it from 127.0.0.1 (a random port),
 * drives it with playwright-core in headless Chromium, prints a table and writes
 * bench/results/latest.json.
 *
 * Figures (medians of RUNS runs):
 *  - encrypted bulk write of RECORDS notes via RecordStore.write (one call) vs a plaintext Dexie
 *    bulkPut of the same records into a table with 3 indexes; also the same write in 10k batches;
 *  - the same write against its floor (bench/write-floor.ts, bench/write-limits.ts): per-record
 *    JSON, AES-GCM and XChaCha20-Poly1305 over the same bytes, plain IndexedDB of the same pages;
 *  - reading them all back: a fresh Vault, unlock with a precomputed key (no KDF), records.list,
 *    vs a fresh Dexie connection and toArray;
 *  - Argon2id at DEFAULT_KDF and at 2 and 4 passes, to calibrate the choice;
 *  - municipal data (bench/municipal.ts): a first full sync of the reference municipality's heavy
 *    citizen with the real sync engine into a real Vault vs fetch + JSON.parse of the same pages
 *    (records/s, peak JS heap of the page, peak RSS of Chromium's processes); the overview's
 *    search over everything synced (topped up to SEARCH_RECORDS) vs a naive lowercase `includes`
 *    scan; the Now view from unlock to first paint.
 *
 *  - bank import (bench/bank.ts): a BANK_ROWS-row Danske Bank CSV (~8 MB, Windows-1252) end to
 *    end — detect, parse, dedupe, categorise, encrypt and store with RecordStore.write — vs a
 *    PapaParse split of the same bytes; then the same file again (all duplicates, nothing added).
 *
 *  - health import (bench/health.ts): a BENCH_HEALTH_MB synthetic Apple Health export.xml generated
 *    in the page and streamed through importAppleHealth (the generator's own time taken off), vs
 *    the same bytes through a TextDecoder only (MB/s, peak JS heap of the page, peak RSS of Chromium's processes).
 *
 *  - summaries (bench/summary.ts): summarising a 30-document case in Node (the module is pure) vs
 *    only splitting the same texts into sentences.
 *
 * The batched write and the first sync are also measured in the whole-bucket layout of format 2
 * vaults (every write re-seals each bucket it touches in full), the baseline of segmented buckets.
 *
 * Parts can be skipped: BENCH_VAULT=0, BENCH_KDF=0, BENCH_MUNICIPAL=0, BENCH_IMPORT=0, BENCH_HEALTH=0, BENCH_SUMMARY=0,
 * BENCH_SYNC_BASELINE=0 (the sync's whole-bucket baseline).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_KDF } from '../src/vault/crypto/kdf';
import { startMunicipalityServer, type RunningMunicipality } from '../src/municipality-server/server';
import type { HandlerumBench } from './page';
import { buildPage, call, serve } from './serve-page';
import { launchBenchChromium } from './bench-chromium';
import type { TestTokens } from './municipal';
import { figure, median, mib, percentile, printTable, seconds, type Figure } from './figures';
import { withRssPeak } from './chromium-rss';
import type { WriteFloor } from './write-floor';
import { writeLimitFigures } from './write-limits';
import { summaryFigures } from './summary';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BATCH = 10_000;
const KDF_RUNS = 3;
const enabled = (name: string) => process.env[name] !== '0';
const HEAVY_SCALE = Number(process.env.BENCH_HEAVY_SCALE ?? 1);
const SYNC_RUNS = Number(process.env.BENCH_SYNC_RUNS ?? 2);
const SEARCH_RECORDS = Number(process.env.BENCH_SEARCH_RECORDS ?? 100_000);
const BANK_ROWS = Number(process.env.BENCH_BANK_ROWS ?? 100_000);
const HEALTH_MB = Number(process.env.BENCH_HEALTH_MB ?? 1024);
const HEALTH_RUNS = Number(process.env.BENCH_HEALTH_RUNS ?? 1);
/** Typical Danish searches: topics, places, people, actions; one and two words; with and without æøå. */
const SEARCH_QUERIES = [
  'kontanthjælp',
  'jobsamtale',
  'genoptræning',
  'hjemmebesøg',
  'tandeftersyn',
  'køreprøve',
  'blodprøve',
  'sundhedsplejerske',
  'opfølgningssamtale',
  'dokumentation',
  'boligstøtte',
  'afgørelse',
  'klage',
  'børn',
  'søren',
  'hansen',
  'pas',
  'bekræft jobsøgning',
  'møde om din plan',
  'vesteraa',
];

const BENCH_DIR = import.meta.dirname;
const RESULTS_DIR = join(BENCH_DIR, 'results');

/** Tokens for the heavy citizen straight from the test-mode server (no browser sign-in). */
async function testTokens(municipality: RunningMunicipality): Promise<TestTokens> {
  const response = await fetch(`${municipality.url}/__test/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ citizenId: 'heavy', clientId: 'handlerum-extension' }),
  });
  if (!response.ok) throw new Error(`/__test/tokens: HTTP ${response.status}`);
  const body = (await response.json()) as { access_token: string; refresh_token: string; expires_in: number };
  return { accessToken: body.access_token, refreshToken: body.refresh_token, expiresIn: body.expires_in };
}

async function main(): Promise<void> {
  const started = Date.now();
  const elapsedS = () => ((Date.now() - started) / 1000).toFixed(0);
  const outDir = await buildPage();
  const { server, origin } = await serve(outDir);
  const municipality = enabled('BENCH_MUNICIPAL') ? await startMunicipalityServer({ port: 0, testMode: true, heavy: { scale: HEAVY_SCALE } }) : null;
  const browser = await launchBenchChromium([
    // performance.memory in whole bytes rather than bucketed.
    '--enable-precise-memory-info',
    // The extension reaches the municipality with a host permission, so no CORS; this page on
    // another port gets the same by switching the same-origin checks off (no preflights either).
    ...(municipality ? ['--disable-web-security'] : []),
  ]);
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const chromiumVersion = browser.version();
    const recordBytes = await call(page, 'recordBytes', 1000);
    console.log(`Chromium ${chromiumVersion}; ${RECORDS.toLocaleString('en')} records of ~${Math.round(recordBytes)} bytes; ${RUNS} runs each`);

    const figures: Figure[] = [];
    const extra: Record<string, unknown> = {};

    if (enabled('BENCH_VAULT')) {
      const vaultWrite: number[] = [];
      const vaultWriteBatched: number[] = [];
      /** The same batches in the whole-bucket layout (every write re-seals each bucket it touches in full). */
      const wholeBucketBatched: number[] = [];
      const plainWrite: number[] = [];
      const vaultRead: number[] = [];
      const plainRead: number[] = [];
      const floors: WriteFloor[] = [];
      for (let run = 0; run < RUNS; run++) {
        // Interleaved, so drift in the machine's speed touches both sides of each ratio alike.
        vaultWrite.push(await call(page, 'vaultWrite', `bench-vault-${run}`, RECORDS, RECORDS));
        plainWrite.push(await call(page, 'plainWrite', `bench-plain-${run}`, RECORDS));
        floors.push(await call(page, 'writeFloor', `bench-floor-${run}`, RECORDS));
        vaultRead.push(await call(page, 'vaultReadAll', `bench-vault-${run}`, RECORDS));
        plainRead.push(await call(page, 'plainReadAll', `bench-plain-${run}`, RECORDS));
        await call(page, 'drop', `bench-vault-${run}`);
        await call(page, 'drop', `bench-plain-${run}`);
        vaultWriteBatched.push(await call(page, 'vaultWrite', `bench-batched-${run}`, RECORDS, BATCH));
        await call(page, 'drop', `bench-batched-${run}`);
        wholeBucketBatched.push(await call(page, 'vaultWrite', `bench-whole-${run}`, RECORDS, BATCH, 0));
        await call(page, 'drop', `bench-whole-${run}`);
        console.log(`vault run ${run + 1}/${RUNS} done (${elapsedS()} s)`);
      }
      const recordsLabel = `${RECORDS / 1000}k`;
      figures.push(
        figure(`plaintext Dexie bulkPut ${recordsLabel} (3 indexes)`, plainWrite),
        figure(`encrypted write ${recordsLabel}, one RecordStore.write call`, vaultWrite, {
          name: 'Dexie bulkPut',
          ms: plainWrite,
          goal: { ratio: 1.3 },
        }),
        figure(`encrypted write ${recordsLabel}, ${Math.ceil(RECORDS / BATCH)} calls of ≤ ${BATCH / 1000}k`, vaultWriteBatched, {
          name: 'Dexie bulkPut',
          ms: plainWrite,
        }),
        figure(`the same ${Math.ceil(RECORDS / BATCH)} calls, segmented buckets`, vaultWriteBatched, {
          name: 'whole-bucket layout (format 2)',
          ms: wholeBucketBatched,
        }),
        figure(`plaintext Dexie toArray ${recordsLabel}`, plainRead),
        figure(`decrypt all ${recordsLabel}: open + unlock + records.list`, vaultRead, {
          name: 'Dexie toArray',
          ms: plainRead,
          goal: { ratio: 2, ms: 1000 },
        }),
      );
      const limits = writeLimitFigures(vaultWrite, floors);
      figures.push(...limits.figures);
      extra.writeLimits = limits.details;
    }

    let calibration: { perPassMs: number; passesForOneSecond: number | null } | null = null;
    if (enabled('BENCH_KDF')) {
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
      calibration = {
        perPassMs: Math.round(perPassMs),
        passesForOneSecond: perPassMs > 0 ? Math.max(1, Math.round((1000 - fixedMs) / perPassMs)) : null,
      };
      figures.push(...kdfFigures);
      console.log(`KDF done (${elapsedS()} s)`);
    }

    if (enabled('BENCH_IMPORT')) {
      const bank = await bankFigures(page, elapsedS);
      figures.push(...bank.figures);
      extra.bankImport = bank.details;
    }

    if (enabled('BENCH_HEALTH')) {
      const health = await healthFigures(page, elapsedS);
      figures.push(...health.figures);
      extra.healthImport = health.details;
    }

    if (enabled('BENCH_SUMMARY')) {
      figures.push(...summaryFigures());
      console.log(`summaries done (${elapsedS()} s)`);
    }

    if (municipality) {
      const municipal = await municipalFigures(page, municipality, elapsedS);
      figures.push(...municipal.figures);
      extra.municipal = municipal.details;
    }

    console.log('');
    printTable(figures);
    if (calibration) {
      console.log(
        `\nArgon2id at ${DEFAULT_KDF.memoryKiB / 1024} MiB: ~${calibration.perPassMs} ms per pass here; ` +
          `about ${calibration.passesForOneSecond ?? '?'} passes would take ~1 s (DEFAULT_KDF has ${DEFAULT_KDF.iterations}).`,
      );
    }

    mkdirSync(RESULTS_DIR, { recursive: true });
    const results = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, chromium: chromiumVersion },
      config: {
        records: RECORDS,
        runs: RUNS,
        batch: BATCH,
        kdfRuns: KDF_RUNS,
        recordBytes: Math.round(recordBytes),
        defaultKdf: DEFAULT_KDF,
        heavyScale: HEAVY_SCALE,
        syncRuns: SYNC_RUNS,
        searchRecords: SEARCH_RECORDS,
        searchQueries: SEARCH_QUERIES,
      },
      figures,
      kdfCalibration: calibration,
      ...extra,
      durationS: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwritten to bench/results/latest.json (${results.durationS} s in all)`);
  } finally {
    await browser.close();
    server.close();
    await municipality?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * Bank import end to end against its floor on the same file and records (PapaParse's split +
 * the write floor of the rows written, bench/bank.ts) and against PapaParse alone; see
 * bench/bank.ts for what each clock covers.
 */
async function bankFigures(page: Page, elapsedS: () => string): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const bytes = await call(page, 'bankMakeCsv', BANK_ROWS);
  await call(page, 'bankPapaParse'); // warm-up: both sides' code compiled before the clock
  const importMs: number[] = [];
  const reimportMs: number[] = [];
  const papaMs: number[] = [];
  const floorMs: number[] = [];
  const floors: Awaited<ReturnType<HandlerumBench['bankFloor']>>[] = [];
  const runs: Awaited<ReturnType<HandlerumBench['bankImport']>>[] = [];
  let again: Awaited<ReturnType<HandlerumBench['bankImport']>> | null = null;
  for (let run = 0; run < RUNS; run++) {
    papaMs.push((await call(page, 'bankPapaParse')).ms);
    await call(page, 'bankSetup', `bench-bank-${run}`);
    const first = await call(page, 'bankImport');
    if (first.stored !== first.rows) throw new Error(`bank import stored ${first.stored} of ${first.rows} rows`);
    runs.push(first);
    importMs.push(first.ms);
    again = await call(page, 'bankImport');
    if (again.added !== 0 || again.stored !== first.rows) throw new Error(`bank re-import added ${again.added} rows`);
    reimportMs.push(again.ms);
    await call(page, 'bankTeardown', `bench-bank-${run}`);
    const floor = await call(page, 'bankFloor', `bench-bank-floor-${run}`);
    floors.push(floor);
    floorMs.push(floor.papaMs + floor.write.jsonMs + Math.min(floor.write.aesGcmMs, floor.write.xchachaMs) + floor.write.indexedDbMs);
    console.log(`bank import run ${run + 1}/${RUNS}: ${first.rows.toLocaleString('en')} rows in ${seconds(first.ms)} (${elapsedS()} s)`);
  }
  const rows = runs[0]!.rows;
  const rate = (ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`;
  const stage = (key: string) => median(runs.map((r) => r.stages[key] ?? 0));
  const label = `${(rows / 1000).toFixed(0)}k-row bank CSV (${mib(bytes)})`;
  const papa = figure(`PapaParse split of the ${label}, parse only`, papaMs);
  papa.detail = rate(papa.medianMs);
  const floor = figure(`bank import floor, ${label}: PapaParse split + JSON + fastest cipher + plain IndexedDB of the rows`, floorMs);
  floor.detail = rate(floor.medianMs);
  const full = figure(`bank import of the ${label}: detect, parse, dedupe, categorise, encrypt, store`, importMs, {
    name: 'floor',
    ms: floorMs,
    goal: { ms: (rows / 50_000) * 1000 },
  });
  full.goal = '≥ 50k rows/s';
  full.detail =
    `${rate(full.medianMs)}; detect ${seconds(stage('detect'))}, parse ${seconds(stage('parse'))}, read stored ${seconds(stage('readExisting'))}, ` +
    `dedupe+categorise ${seconds(stage('dedupeAndCategorise'))}, encrypt+store ${seconds(stage('encryptAndStore'))}; ` +
    `${Math.round(median(runs.map((r) => r.storedBytesPerRow)))} stored bytes a row`;
  const parseOnly = figure(
    `bank import of the same file up to the write (detect, parse, dedupe, categorise)`,
    runs.map((r) => r.ms - (r.stages.encryptAndStore ?? 0)),
    {
      name: 'PapaParse parse only',
      ms: papaMs,
    },
  );
  parseOnly.detail = rate(parseOnly.medianMs);
  const reimport = figure(`the same file again: ${rows.toLocaleString('en')} duplicates, nothing added`, reimportMs, {
    name: 'PapaParse parse only',
    ms: papaMs,
  });
  reimport.detail = rate(reimport.medianMs);
  return { figures: [papa, floor, full, parseOnly, reimport], details: { rows, bytes, runs, reimportMs, papaMs, floors, floorMs } };
}

/** The health importer over a generated export.xml against decoding the same bytes; see bench/health.ts. */
async function healthFigures(page: Page, elapsedS: () => string): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const bytes = Math.round(HEALTH_MB * 1024 * 1024);
  const seed = 20261202;
  await call(page, 'healthImport', 4 * 1024 * 1024, seed); // warm-up: both sides' code compiled before the clock
  await call(page, 'healthDecodeOnly', 4 * 1024 * 1024, seed);
  const decodeRuns: Awaited<ReturnType<HandlerumBench['healthDecodeOnly']>>[] = [];
  const importRuns: { result: Awaited<ReturnType<HandlerumBench['healthImport']>>; peakRss: number | null; startRss: number | null }[] = [];
  for (let run = 0; run < HEALTH_RUNS; run++) {
    decodeRuns.push(await call(page, 'healthDecodeOnly', bytes, seed));
    importRuns.push(await withRssPeak(() => call(page, 'healthImport', bytes, seed)));
    const last = importRuns.at(-1)!.result;
    if (last.bytes !== decodeRuns.at(-1)!.bytes) throw new Error(`health import read ${last.bytes} of ${decodeRuns.at(-1)!.bytes} bytes`);
    console.log(
      `health import run ${run + 1}/${HEALTH_RUNS}: ${mib(last.bytes)} in ${seconds(last.ms)} (${seconds(last.totalMs)} with generating), ${last.records.toLocaleString('en')} rows (${elapsedS()} s)`,
    );
  }
  const mbps = (ms: number) => bytes / 1_000_000 / (ms / 1000);
  const label = `${mib(bytes)} synthetic export.xml`;
  const decode = figure(
    `TextDecoder over a ${label}, generator time taken off`,
    decodeRuns.map((r) => r.ms),
  );
  decode.detail = `${mbps(decode.medianMs).toFixed(0)} MB/s; peak JS heap ${mib(Math.max(...decodeRuns.map((r) => r.peakHeapBytes ?? 0)))}`;
  const peakHeap = Math.max(...importRuns.map((r) => r.result.peakHeapBytes ?? 0));
  const startHeap = Math.min(...importRuns.map((r) => r.result.startHeapBytes ?? Infinity));
  const peakRss = Math.max(...importRuns.map((r) => r.peakRss ?? 0));
  const startRss = Math.min(...importRuns.map((r) => r.startRss ?? Infinity));
  const full = figure(
    `health import of a ${label} (importAppleHealth), generator time taken off`,
    importRuns.map((r) => r.result.ms),
    { name: 'TextDecoder', ms: decode.ms },
  );
  const rate = mbps(full.medianMs);
  const first = importRuns[0]!.result;
  full.goal = '≥ 30 MB/s, peak JS heap ≤ 256 MiB';
  full.met = rate >= 30 && peakHeap <= 256 * 1024 * 1024;
  full.detail =
    `${rate.toFixed(1)} MB/s (${mbps(median(importRuns.map((r) => r.result.totalMs))).toFixed(1)} MB/s with generating), ${Math.round(first.records / (full.medianMs / 1000)).toLocaleString('en')} rows/s (${first.records.toLocaleString('en')} rows, ${first.days.toLocaleString('en')} days, ${first.types} types, ${first.workouts.toLocaleString('en')} workouts); ` +
    `peak JS heap ${mib(peakHeap)} (from ${mib(Number.isFinite(startHeap) ? startHeap : null)}); ` +
    `peak Chromium RSS ${mib(peakRss)} (from ${mib(Number.isFinite(startRss) ? startRss : null)})`;
  return { figures: [decode, full], details: { bytes, seed, decodeRuns, importRuns } };
}

/** Sync, search and Now over the heavy citizen; see bench/municipal.ts for what each clock covers. */
async function municipalFigures(
  page: Page,
  municipality: RunningMunicipality,
  elapsedS: () => string,
): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const tokens = await testTokens(municipality);
  // Warm-up: the server builds the heavy citizen on first use; neither side should pay for that.
  const warm = await call(page, 'municipalFetchOnly', municipality.url, tokens);
  console.log(
    `heavy citizen (scale ${HEAVY_SCALE}): ${warm.items.toLocaleString('en')} records in ${warm.pages} pages, ${mib(warm.bytes)} of JSON (${elapsedS()} s)`,
  );

  const syncMs: number[] = [];
  const fetchMs: number[] = [];
  const syncs: Awaited<ReturnType<HandlerumBench['municipalSync']>>[] = [];
  /** The same sync in the whole-bucket layout of format 2 vaults (BENCH_SYNC_BASELINE=0 skips it). */
  const wholeBucket: Awaited<ReturnType<HandlerumBench['municipalSync']>>[] = [];
  const rss: { peakRss: number | null; startRss: number | null }[] = [];
  const last = `bench-sync-${SYNC_RUNS - 1}`;
  for (let run = 0; run < SYNC_RUNS; run++) {
    fetchMs.push((await call(page, 'municipalFetchOnly', municipality.url, tokens)).ms);
    const name = `bench-sync-${run}`;
    const { result, peakRss, startRss } = await withRssPeak(() => call(page, 'municipalSync', name, municipality.url, tokens));
    syncs.push(result);
    rss.push({ peakRss, startRss });
    syncMs.push(result.ms);
    if (name !== last) await call(page, 'municipalDrop', name);
    console.log(`sync run ${run + 1}/${SYNC_RUNS}: ${result.stored.toLocaleString('en')} records in ${seconds(result.ms)} (${elapsedS()} s)`);
    if (enabled('BENCH_SYNC_BASELINE')) {
      const whole = await call(page, 'municipalSync', `bench-sync-whole-${run}`, municipality.url, tokens, 0);
      wholeBucket.push(whole);
      await call(page, 'municipalDrop', `bench-sync-whole-${run}`);
      console.log(`  the same in the whole-bucket layout: ${seconds(whole.ms)}, of which RecordStore.write ${seconds(whole.writeMs)} (${elapsedS()} s)`);
    }
  }
  const stored = syncs[0]!.stored;
  const recordsPerS = stored / (median(syncMs) / 1000);
  const peakHeap = Math.max(...syncs.map((s) => s.peakHeapBytes ?? 0));
  const peakRss = Math.max(...rss.map((r) => r.peakRss ?? 0));
  const startRss = Math.min(...rss.map((r) => r.startRss ?? Infinity));
  const startHeap = Math.min(...syncs.map((s) => s.startHeapBytes ?? Infinity));
  const share = (key: 'writeMs' | 'listMs') => `${Math.round((100 * median(syncs.map((s) => s[key]))) / median(syncMs))}%`;
  const figures: Figure[] = [
    figure(`fetch + JSON.parse of the heavy citizen's ${warm.pages} pages`, fetchMs, undefined),
    figure(`first full sync, heavy citizen (${stored.toLocaleString('en')} records)`, syncMs, {
      name: 'fetch + JSON.parse',
      ms: fetchMs,
      goal: { ratio: 6, ms: 5000 },
    }),
  ];
  figures.at(-1)!.detail =
    `${Math.round(recordsPerS).toLocaleString('en')} records/s; in RecordStore.write ${share('writeMs')}, .list ${share('listMs')}; ` +
    `peak JS heap ${mib(peakHeap)} (from ${mib(Number.isFinite(startHeap) ? startHeap : null)}); ` +
    `peak Chromium RSS ${mib(peakRss)} (from ${mib(Number.isFinite(startRss) ? startRss : null)}); ${syncs[0]!.writes} vault writes`;
  if (wholeBucket.length) {
    figures.push(
      figure(`first full sync, segmented buckets`, syncMs, { name: 'whole-bucket layout (format 2)', ms: wholeBucket.map((s) => s.ms) }),
      figure(
        `  of which RecordStore.write`,
        syncs.map((s) => s.writeMs),
        { name: 'whole-bucket layout', ms: wholeBucket.map((s) => s.writeMs) },
      ),
    );
  }
  const resync = figure(
    `re-sync with nothing new (/me and one request per feed)`,
    syncs.map((s) => s.resyncMs),
  );
  resync.goal = '≤ 300 ms';
  resync.met = resync.medianMs <= 300;
  resync.detail = `${syncs[0]!.resyncWrites} vault write(s), nothing stored`;
  figures.push(resync);

  // Now: unlock → data → summary → painted, on the vault the last sync filled.
  const nows: Awaited<ReturnType<HandlerumBench['municipalNow']>>[] = [];
  for (let run = 0; run < RUNS + 1; run++) nows.push(await call(page, 'municipalNow', last));
  nows.shift(); // the first run compiles the view's code paths
  const part = (key: 'unlockMs' | 'loadMs' | 'summaryMs' | 'renderMs' | 'paintMs') => nows.map((n) => n[key]);
  const nowFigure = figure(`Now: unlock → ${nows[0]!.records.toLocaleString('en')} records loaded → NowView painted`, part('paintMs'));
  nowFigure.detail =
    `unlock ${seconds(median(part('unlockMs')))}, list+shape ${seconds(median(part('loadMs')))}, ` +
    `nowSummary ${seconds(median(part('summaryMs')))}, render ${seconds(median(part('renderMs')))}; no KDF, no messaging`;
  figures.push(nowFigure);
  console.log(`Now done (${elapsedS()} s)`);

  // Search over everything synced, topped up with copies to SEARCH_RECORDS.
  const setup = await call(page, 'municipalSearchSetup', last, SEARCH_RECORDS);
  for (const query of SEARCH_QUERIES) await call(page, 'municipalSearch', query); // warm-up
  for (const query of SEARCH_QUERIES) await call(page, 'naiveSearch', query);
  const searchMs: number[] = [];
  const naiveMs: number[] = [];
  const hits: Record<string, number> = {};
  for (const query of SEARCH_QUERIES) {
    const r = await call(page, 'municipalSearch', query);
    searchMs.push(r.ms);
    hits[query] = r.total;
    naiveMs.push((await call(page, 'naiveSearch', query)).ms);
  }
  await call(page, 'municipalSearchTeardown');
  const searchLabel = `${setup.indexed.toLocaleString('en')} records (${setup.synced.toLocaleString('en')} synced${setup.indexed > setup.synced ? ' + copies' : ''})`;
  const searchFigure = figure(`search, ${SEARCH_QUERIES.length} Danish queries over ${searchLabel}`, searchMs, {
    name: 'lowercase includes scan',
    ms: naiveMs,
    goal: { ms: 50 },
  });
  const p95 = percentile(searchMs, 95);
  searchFigure.goal = `median and p95 ≤ 50 ms`;
  searchFigure.met = searchFigure.medianMs <= 50 && p95 <= 50;
  searchFigure.detail = `hits per query ${Math.min(...Object.values(hits))}–${Math.max(...Object.values(hits))}`;
  const indexFigure = figure(`search index build over ${searchLabel}`, [setup.buildMs], { name: 'lowercase JSON of each', ms: [setup.naiveBuildMs] });
  figures.push(figure(`lowercase includes scan, same queries and records`, naiveMs), searchFigure, indexFigure);
  await call(page, 'municipalDrop', last);
  console.log(`search done (${elapsedS()} s)`);

  return {
    figures,
    details: {
      heavy: { scale: HEAVY_SCALE, records: warm.items, pages: warm.pages, jsonBytes: warm.bytes },
      syncs: syncs.map((s, i) => ({ ...s, ...rss[i] })),
      recordsPerS: Math.round(recordsPerS),
      memory: {
        peakJsHeapBytes: peakHeap,
        peakChromiumRssBytes: peakRss,
        how: 'JS heap: performance.memory.usedJSHeapSize of the bench page sampled every 50 ms (--enable-precise-memory-info); RSS: sum over Chromium processes of /proc/<pid>/statm resident pages, sampled every 100 ms from Node (shared pages counted per process)',
      },
      now: nows,
      search: { ...setup, hits, searchMs, naiveMs, p95Ms: p95 },
    },
  };
}

await main();
