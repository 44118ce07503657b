/**
 * `npm run bench:bank`: the bank import as the citizen waits for it, through the built extension
 * (.output/chrome-mv3, `npm run build:chrome` first) in real Chromium — choose the file, the
 * worker parses it, the page previews and dedupes it, save sends it to the background, which
 * writes it to the vault — against the import's floor measured in the same browser in the same
 * run (bench/bank.ts `bankFloor`: PapaParse's split + per-record JSON + the faster cipher +
 * plain IndexedDB of the same rows, in the bench page built with Vite).
 *
 * BENCH_BANK_ROWS (default 100,000), BENCH_BANK_RUNS (default 3), BENCH_BANK_FLOOR=0 skips the
 * floor and the stored bytes per row, BENCH_BANK_PROFILE=<dir> writes CPU profiles of the import there
 * (the vault page, the bank worker and the service worker, on to 3 s after "saved") and prints their heaviest functions, and BENCH_BANK_COMPARE=<dir of another Chrome build> imports through
 * that build too in each run (e.g. a build of the code before a change), for a before/after in
 * the same run.
 */
import type { Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, launchChromium, removeProfileDir } from '../tests/e2e/harness/chromium';
import { da } from '../src/ui/i18n/da';
import { translateCount } from '../src/ui/i18n/index';
import { makeBankCsv } from './bank-csv';
import { heaviest, profileNewWorkers, startProfile, stopProfile, workerSession, type CpuProfile } from './cdp-profile';
import { buildPage, call, serve } from './serve-page';
import { median, seconds } from './figures';

const ROWS = Number(process.env.BENCH_BANK_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_BANK_RUNS ?? 3);
const WITH_FLOOR = process.env.BENCH_BANK_FLOOR !== '0';
const PROFILE_DIR = process.env.BENCH_BANK_PROFILE;
const COMPARE_DIR = process.env.BENCH_BANK_COMPARE;
const PASSPHRASE = 'kaffe på trappen hver søndag';
const LONG = { timeout: 600_000 };

async function createVault(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: da['create.title'] }).waitFor();
  await page.getByLabel(da['create.name'], { exact: true }).fill('Søren');
  await page.getByLabel(da['passphrase.label'], { exact: true }).fill(PASSPHRASE);
  await page.getByLabel(da['passphrase.confirm'], { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: da['create.submit'] }).click();
  await page.getByRole('heading', { level: 1, name: da['recovery.title'] }).waitFor(LONG);
  const recoveryKey = (await page.getByTestId('recovery-key').textContent())!.trim();
  await page.getByLabel(da['recovery.confirmLabel']).fill(recoveryKey.split('-').at(-1)!);
  await page.getByRole('button', { name: da['recovery.done'] }).click();
  await page.getByRole('navigation', { name: da['header.sections'] }).getByRole('button', { name: da['section.money'] }).click();
  await page.getByLabel(da['money.import.fileLabel']).waitFor();
}

interface ExtensionRun {
  /** File chosen → preview shown (worker parse, transfer, dedupe, categorise, render). */
  readMs: number;
  /** Save pressed → the page says the rows are stored (ops, messages, staged write, vault write). */
  saveMs: number;
}

/** One import of `file` into a fresh vault, through the page as a citizen does it. */
async function importThroughExtension(context: BrowserContext, extensionId: string, file: string): Promise<ExtensionRun> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/vault.html`);
    await createVault(page);
    const cdp = PROFILE_DIR ? await context.newCDPSession(page) : null;
    const serviceWorker = PROFILE_DIR ? await workerSession(context, extensionId) : null;
    const workers = cdp ? await profileNewWorkers(cdp, 500) : null;
    if (cdp) await startProfile((method, params) => cdp.send(method as 'Profiler.start', params), 500);
    if (serviceWorker) await startProfile(serviceWorker, 500);
    let at = performance.now();
    await page.getByLabel(da['money.import.fileLabel']).setInputFiles(file);
    const save = page.getByRole('button', { name: translateCount('da', 'money.preview.import', ROWS) });
    await save.waitFor(LONG);
    const readMs = performance.now() - at;
    at = performance.now();
    await save.click();
    const done = translateCount('da', 'money.import.done', ROWS, { account: 'Danske Bank' });
    await page.locator('.money-import [role="status"]').filter({ hasText: done }).waitFor(LONG);
    const saveMs = performance.now() - at;
    if (cdp && serviceWorker && workers && PROFILE_DIR) {
      // After "saved", the money view asks for its list again: the service worker is profiled
      // until that has been answered too.
      await page.waitForTimeout(3000);
      const stamp = Date.now();
      const threads: [string, CpuProfile][] = [
        ['page', (await cdp.send('Profiler.stop')).profile],
        ['service-worker', await stopProfile(serviceWorker)],
        ...(await workers.stop()).map((profile, i): [string, CpuProfile] => [`worker-${i}`, profile]),
      ];
      for (const [name, profile] of threads) {
        const file = join(PROFILE_DIR, `bank-${name}-${stamp}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        console.log(`${name}: ${file}; heaviest functions (self time):`);
        for (const line of heaviest(profile, 25)) console.log(`  ${line}`);
      }
    }
    return { readMs, saveMs };
  } finally {
    await page.close();
  }
}

/** Each import goes into a new browser profile: a fresh vault, as a citizen's first import. */
async function importInFreshBrowser(file: string, extensionDir?: string): Promise<ExtensionRun> {
  const session = await launchChromium(extensionDir ? { extensionDir } : {});
  try {
    return await importThroughExtension(session.context, session.extensionId, file);
  } finally {
    await session.close();
    removeProfileDir(session.profileDir);
  }
}

/** The bench page (bench/page.ts), built and served on 127.0.0.1, for the floor. */
async function benchPage(): Promise<{ origin: string; server: Server; outDir: string }> {
  const outDir = await buildPage();
  return { ...(await serve(outDir)), outDir };
}

/**
 * The floor of the same file and rows (see bench/bank.ts), in the bench page of the same browser,
 * and the bytes the vault stores per row for them (sealed pages and their index, over the rows).
 */
async function floorOf(page: Page, run: number): Promise<{ ms: number; storedBytesPerRow: number }> {
  await call(page, 'bankSetup', `bench-bank-ext-${run}`);
  const { storedBytesPerRow } = await call(page, 'bankImport');
  await call(page, 'bankTeardown', `bench-bank-ext-${run}`);
  const floor = await call(page, 'bankFloor', `bench-bank-ext-floor-${run}`);
  return { ms: floor.papaMs + floor.write.jsonMs + Math.min(floor.write.aesGcmMs, floor.write.xchachaMs) + floor.write.indexedDbMs, storedBytesPerRow };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'handlerum-bank-ext-'));
  const file = join(dir, 'danske-bank.csv');
  const bytes = makeBankCsv(ROWS);
  writeFileSync(file, bytes);
  const served = WITH_FLOOR ? await benchPage() : null;
  // The floor's page runs in a browser of its own, beside the extension's, on the same machine.
  const floorBrowser = served
    ? await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] })
    : null;
  try {
    const floorPage = floorBrowser ? await floorBrowser.newPage() : null;
    if (floorPage && served) {
      await floorPage.goto(`${served.origin}/index.html`);
      await floorPage.waitForFunction(() => document.title === 'ready');
      await call(floorPage, 'bankMakeCsv', ROWS);
      await call(floorPage, 'bankPapaParse'); // warm-up
    }
    const runs: ExtensionRun[] = [];
    const floors: number[] = [];
    let storedBytesPerRow = 0;
    const compared: ExtensionRun[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Interleaved, so drift in the machine's speed touches every side of the ratios alike.
      runs.push(await importInFreshBrowser(file));
      if (COMPARE_DIR) compared.push(await importInFreshBrowser(file, COMPARE_DIR));
      if (floorPage) {
        const floor = await floorOf(floorPage, run);
        floors.push(floor.ms);
        storedBytesPerRow = floor.storedBytesPerRow;
      }
      const result = runs.at(-1)!;
      console.log(
        `run ${run + 1}/${RUNS}: ${ROWS.toLocaleString('en')} rows in ${seconds(result.readMs + result.saveMs)} ` +
          `(read+preview ${seconds(result.readMs)}, save ${seconds(result.saveMs)})` +
          `${compared.length ? `; compared build ${seconds(compared.at(-1)!.readMs + compared.at(-1)!.saveMs)}` : ''}` +
          `${floors.length ? `; floor ${seconds(floors.at(-1)!)}` : ''}`,
      );
    }
    const total = median(runs.map((r) => r.readMs + r.saveMs));
    const rate = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} rows/s`;
    console.log(
      `\nbank import through the extension, ${ROWS.toLocaleString('en')} rows (${(bytes.length / 1024 / 1024).toFixed(1)} MiB), median of ${RUNS}: ` +
        `${seconds(total)} = ${rate(total)} (read+preview ${seconds(median(runs.map((r) => r.readMs)))}, save ${seconds(median(runs.map((r) => r.saveMs)))}); goal ≥ 50,000 rows/s`,
    );
    if (compared.length) {
      const other = median(compared.map((r) => r.readMs + r.saveMs));
      console.log(`compared build (${COMPARE_DIR}): ${seconds(other)} = ${rate(other)}; this build is ${(other / total).toFixed(2)}× as fast`);
    }
    if (floors.length) {
      const floor = median(floors);
      console.log(`floor of the same file and rows: ${seconds(floor)} = ${rate(floor)}; import / floor = ${(total / floor).toFixed(2)}×`);
      console.log(`stored per bank row (this tree's code, in the bench page): ${storedBytesPerRow.toFixed(1)} bytes`);
    }
  } finally {
    await floorBrowser?.close();
    served?.server.close();
    if (served) rmSync(served.outDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
