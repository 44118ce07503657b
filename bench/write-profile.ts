/**
 * `npm run bench:write-profile`: where the encrypted write of BENCH_RECORDS notes (default
 * 100,000) spends its time, in the bench page (bench/page.ts, built without minifying so the
 * functions keep their names) in headless Chromium. Profiles one RecordStore.write call and the
 * same records in calls of BENCH_BATCH (default 10,000) with V8's sampling profiler over CDP, and
 * prints the page thread's time by concern (bench/write-profile-summary.ts) and the heaviest
 * functions by self time. WebCrypto and IndexedDB do their work off this thread: their share here
 * is the calls and the waiting ("idle"). With BENCH_PROFILE_DIR the .cpuprofile files are
 * written there.
 *
 * With BENCH_WRITE_COMPARE=<another checkout> nothing is profiled: the bench page of that
 * checkout (its bench/ folder; it needs its node_modules) and this one's run the same writes in
 * one browser, alternated, BENCH_RUNS times (default 4), beside this checkout's write floor
 * (bench/write-floor.ts), so that a change is measured against the code before it under the same
 * load.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBenchChromium } from './bench-chromium';
import { median, seconds } from './figures';
import { buildPage, call, serve } from './serve-page';
import { summariseWrite } from './write-profile-summary';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 4);
const OUT = process.env.BENCH_PROFILE_DIR;
const COMPARE = process.env.BENCH_WRITE_COMPARE;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function openPage(page: Page, origin: string): Promise<Page> {
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => document.title === 'ready');
  return page;
}

async function profile(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  for (const batch of [RECORDS, BATCH]) {
    await cdp.send('Profiler.start');
    const ms = await call(page, 'vaultWrite', 'profile', RECORDS, batch);
    const { profile } = await cdp.send('Profiler.stop');
    await call(page, 'drop', 'profile');
    if (OUT) writeFileSync(join(OUT, `write-${batch}.cpuprofile`), JSON.stringify(profile));
    const { byConcern, heaviest, totalMs } = summariseWrite(profile);
    const label = batch >= RECORDS ? 'one call' : `${Math.ceil(RECORDS / batch)} calls of ${batch}`;
    console.log(`\n${RECORDS.toLocaleString('en')} records, ${label}: ${seconds(ms)} timed; the profile spans ${seconds(totalMs)} (vault set-up included)`);
    for (const [name, t] of byConcern) console.log(`  ${seconds(t).padStart(9)} ${((100 * t) / totalMs).toFixed(1).padStart(5)} %  ${name}`);
    console.log('  heaviest functions (self time):');
    for (const [name, t] of heaviest) console.log(`    ${seconds(t).padStart(9)}  ${name}`);
  }
}

/** The same writes in both pages, alternated, with this checkout's floor after each round. */
async function compare(before: Page, after: Page): Promise<void> {
  const times = { before: { one: [] as number[], many: [] as number[] }, after: { one: [] as number[], many: [] as number[] } };
  const floors: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const order = run % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const);
    for (const side of order) {
      const page = side === 'before' ? before : after;
      for (const [kind, batch] of [
        ['one', RECORDS],
        ['many', BATCH],
      ] as const) {
        times[side][kind].push(await call(page, 'vaultWrite', 'compare', RECORDS, batch));
        await call(page, 'drop', 'compare');
      }
    }
    const floor = await call(after, 'writeFloor', 'compare-floor', RECORDS);
    floors.push(floor.jsonMs + Math.min(floor.aesGcmMs, floor.xchachaMs) + floor.indexedDbMs);
    const last = (side: 'before' | 'after') => `${seconds(times[side].one.at(-1)!)} / ${seconds(times[side].many.at(-1)!)}`;
    console.log(
      `run ${run + 1}/${RUNS}: one call / ${BATCH} a call, before ${last('before')}, after ${last('after')}; floor ${seconds(floors.at(-1)!)} (load ${load()})`,
    );
  }
  const floor = median(floors);
  const calls = `${Math.ceil(RECORDS / BATCH)} calls`;
  console.log(`\n${RECORDS.toLocaleString('en')} records, medians of ${RUNS} runs; write floor ${seconds(floor)}`);
  for (const side of ['before', 'after'] as const) {
    const one = median(times[side].one);
    const many = median(times[side].many);
    console.log(
      `  ${side.padEnd(6)}  one call ${seconds(one)} = ${(one / floor).toFixed(2)}× the floor; ${calls} ${seconds(many)} = ${(many / one).toFixed(2)}× one call`,
    );
  }
  const pairwise = (kind: 'one' | 'many') => median(times.after[kind].map((ms, i) => ms / times.before[kind][i]!)).toFixed(3);
  console.log(`  after ÷ before, run by run (median): one call ${pairwise('one')}, ${calls} ${pairwise('many')}`);
}

async function main(): Promise<void> {
  const loadAtStart = load();
  const built = await buildPage({ minify: COMPARE !== undefined });
  const other = COMPARE ? await buildPage({ root: join(COMPARE, 'bench') }) : null;
  const servers = [await serve(built), ...(other ? [await serve(other)] : [])];
  const browser = await launchBenchChromium();
  try {
    const page = await openPage(await browser.newPage(), servers[0]!.origin);
    // Compiles the code paths once.
    await call(page, 'vaultWrite', 'warm', Math.min(RECORDS, 10_000), BATCH);
    await call(page, 'drop', 'warm');
    if (servers[1]) {
      const before = await openPage(await browser.newPage(), servers[1].origin);
      await call(before, 'vaultWrite', 'warm', Math.min(RECORDS, 10_000), BATCH);
      await call(before, 'drop', 'warm');
      await compare(before, page);
    } else await profile(page);
  } finally {
    await browser.close();
    for (const { server } of servers) server.close();
  }
  console.log(`\nload average ${loadAtStart} at the start, ${load()} at the end; ${cpus().length} cores`);
}

await main();
