/**
 * `npm run bench:write-profile`: where the encrypted write of BENCH_RECORDS notes (default
 * 100,000) spends its time, in the bench page (bench/page.ts, built without minifying so the
 * functions keep their names) in headless Chromium. Profiles one RecordStore.write call and the
 * same records in calls of BENCH_BATCH (default 10,000) with V8's sampling profiler over CDP, and
 * prints the page thread's time by concern (inclusive, each sample counted once under the first
 * concern found walking up its stack) and the heaviest functions by self time. WebCrypto and
 * IndexedDB do their work off this thread: their share here is the calls and the waiting
 * ("idle"). With BENCH_PROFILE_DIR the .cpuprofile files are written there.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { launchBenchChromium } from './bench-chromium';
import { seconds } from './figures';
import { buildPage, call, serve } from './serve-page';
import { summariseWrite } from './write-profile-summary';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);
const OUT = process.env.BENCH_PROFILE_DIR;

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  const outDir = await buildPage({ minify: false });
  const { server, origin } = await serve(outDir);
  const browser = await launchBenchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await call(page, 'vaultWrite', 'profile-warm', Math.min(RECORDS, 10_000), BATCH); // compiles the code paths once
    await call(page, 'drop', 'profile-warm');
    for (const [label, batch] of [
      ['one call', RECORDS],
      [`${Math.ceil(RECORDS / BATCH)} calls of ${BATCH}`, BATCH],
    ] as const) {
      await cdp.send('Profiler.start');
      const ms = await call(page, 'vaultWrite', 'profile', RECORDS, batch);
      const { profile } = await cdp.send('Profiler.stop');
      await call(page, 'drop', 'profile');
      if (OUT) writeFileSync(join(OUT, `write-${batch}.cpuprofile`), JSON.stringify(profile));
      const { byConcern, heaviest, totalMs } = summariseWrite(profile);
      console.log(`\n${RECORDS.toLocaleString('en')} records, ${label}: ${seconds(ms)} timed; profile spans ${seconds(totalMs)} (includes vault set-up)`);
      for (const [name, t] of byConcern) console.log(`  ${seconds(t).padStart(9)} ${((100 * t) / totalMs).toFixed(1).padStart(5)} %  ${name}`);
      console.log('  heaviest functions (self time):');
      for (const [name, t] of heaviest) console.log(`    ${seconds(t).padStart(9)}  ${name}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(
    `\nload average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the end; ${cpus().length} cores`,
  );
}

await main();
