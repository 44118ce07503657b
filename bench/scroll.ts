/**
 * `npm run bench:scroll`: the long views' steps and frames, small enough to trace. The heavy
 * citizen (BENCH_HEAVY_SCALE, default 0.1) is synced through the built extension
 * (`npm run build:chrome` first), then: the *Kalender* list of earlier entries a page at a time
 * ("Næste side", BENCH_SCROLL_STEPS steps, default 80), the month grid month by month (the same
 * number), each step timed from the click to the frame painted (bench/citizen-probe.ts), split
 * into the time until the rows are in the DOM and the rest (style, layout, paint, the frame);
 * then the page's frames while PageDown is held on the list, PageUp on the month grid, and
 * PageDown on the payments and the access log (bench/citizen-frames.ts).
 *
 * BENCH_EXTENSION_DIR runs another build (e.g. a copy of the one before a change, for a ratio in
 * the same session). BENCH_SCROLL_TRACE=<file.json> records a Chromium trace of the vault page over the list and
 * month steps and prints where the main thread's time went (self time per trace event);
 * BENCH_SCROLL_PROFILE=<file.cpuprofile> records a JS CPU profile instead and prints the
 * functions with the most self time. Either slows the steps down: read their figures apart.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import { startMunicipalityServer } from '../src/municipality-server/server';
import { danishDay } from '../src/shared/danish-time';
import { buildWithHostPermissions, CHROME_EXTENSION_DIR, launchChromium, removeProfileDir } from '../tests/e2e/harness/chromium';
import { createVault, DA, signInHeavy } from './citizen-ui';
import { arm, painted, type Painted, type Target } from './citizen-probe';
import { walkCalendarList, walkMonthGrid, type Walk } from './citizen-paging';
import { framesText, holdKey, type Frames } from './citizen-frames';
import { median, percentile } from './figures';
import { mainThreadSelfTimes, readTrace, startTrace, topFunctions } from './trace-summary';

const SCALE = Number(process.env.BENCH_HEAVY_SCALE ?? 0.1);
const STEPS = Number(process.env.BENCH_SCROLL_STEPS ?? 80);
const HELD_KEYS = Number(process.env.BENCH_SCROLL_KEYS ?? 90);
const TRACE = process.env.BENCH_SCROLL_TRACE;
const PROFILE = process.env.BENCH_SCROLL_PROFILE;
const CAP_MS = 60_000;

async function timed(page: Page, target: Target, act: () => Promise<void>): Promise<Painted | null> {
  await arm(page, target, 'click');
  const acting = act();
  const result = await painted(page, CAP_MS);
  await acting;
  return result;
}

const viewsNav = (page: Page) => page.getByRole('navigation', { name: DA['overview.views'] });
async function openView(page: Page, key: 'view.calendar' | 'view.payments' | 'view.access', rows: Target): Promise<void> {
  await arm(page, rows, 'click');
  await viewsNav(page).getByRole('link', { name: DA[key], exact: true }).click();
  if (!(await painted(page, CAP_MS))) throw new Error(`${key} did not open`);
}

function stepLine(name: string, walk: Walk): string {
  const done = walk.steps.flatMap((p) => (p ? [p] : []));
  const ms = done.map((p) => p.ms);
  const inDom = done.map((p) => p.inDomMs);
  return `${name}: ${done.length} steps to ${walk.reached ?? 'n/a'}; click → painted median ${median(ms).toFixed(1)} ms (p95 ${percentile(ms, 95).toFixed(1)}), of which click → in the DOM median ${median(inDom).toFixed(1)} ms (p95 ${percentile(inDom, 95).toFixed(1)}); at most ${Math.max(...done.map((p) => p.elements))} elements`;
}

/** Starts the trace or profile asked for; returns how to stop it and report. */
async function recorder(page: Page): Promise<() => Promise<void>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  if (TRACE) {
    await startTrace(cdp);
    return async () => {
      const events = await readTrace(cdp);
      writeFileSync(TRACE, JSON.stringify({ traceEvents: events }));
      console.log(`\ntrace written to ${TRACE}; the vault page's main thread, self time by event:`);
      for (const [name, ms] of mainThreadSelfTimes(events).slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(9)} ms  ${name}`);
    };
  }
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    return async () => {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(PROFILE, JSON.stringify(profile));
      console.log(`\nprofile written to ${PROFILE}; self time by function:`);
      for (const [name, ms] of topFunctions(profile).slice(0, 40)) console.log(`  ${ms.toFixed(1).padStart(9)} ms  ${name}`);
    };
  }
  return async () => {};
}

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  const municipality = await startMunicipalityServer({ port: 0, testMode: true, heavy: { scale: SCALE } });
  const granted = buildWithHostPermissions(['http://127.0.0.1/*'], process.env.BENCH_EXTENSION_DIR ?? CHROME_EXTENSION_DIR);
  const session = await launchChromium({ extensionDir: granted.dir });
  try {
    const page = await session.openPage('vault.html');
    page.setDefaultTimeout(CAP_MS * 5);
    await createVault(page, 'Søren');
    const syncMs = await signInHeavy(page, municipality.url, CAP_MS * 5);
    console.log(`heavy citizen at scale ${SCALE} synced in ${(syncMs / 1000).toFixed(1)} s`);
    await page.getByRole('button', { name: DA['muni.showOverview'] }).click();
    await page.locator('.now-grid li').first().waitFor();

    const today = danishDay(Date.now());
    await openView(page, 'view.calendar', { selector: '[aria-labelledby^="cal-"] > ul.entries li' });
    const stop = await recorder(page);
    const list = await walkCalendarList(page, today, timed, STEPS);
    await page.getByRole('button', { name: DA['calendar.month'], exact: true }).click();
    await page.locator('table.month-grid td[aria-selected="true"]').waitFor();
    const month = await walkMonthGrid(page, today, timed, STEPS);
    await stop();
    console.log('');
    console.log(stepLine('Kalender list, "Næste side"', list));
    console.log(stepLine('Kalender month grid, "Forrige måned"', month));

    const frames: [string, Frames][] = [];
    frames.push(['Kalender month grid, PageUp held', await holdKey(page, page.locator('table.month-grid td[aria-selected="true"]'), 'PageUp', HELD_KEYS)]);
    await page.getByRole('button', { name: DA['calendar.list'], exact: true }).click();
    frames.push(['Kalender list, PageDown held', await holdKey(page, page.locator('#cal-past-list > li').first(), 'PageDown', HELD_KEYS)]);
    await openView(page, 'view.payments', { selector: '.table-scroll table tbody tr' });
    frames.push(['Udbetalinger, PageDown held', await holdKey(page, page.locator('#payments-all tbody tr').first(), 'PageDown', HELD_KEYS)]);
    await openView(page, 'view.access', { selector: 'table.access-log tbody tr' });
    frames.push(['Hvem har set mine data, PageDown held', await holdKey(page, page.locator('table.access-log tbody tr').first(), 'PageDown', HELD_KEYS)]);
    for (const [name, f] of frames) console.log(`${name}: ${framesText(f)}`);
    const loadAtEnd = loadavg();
    console.log(
      `load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')} at the end; ${cpus().length} cores`,
    );
  } finally {
    await session.close();
    removeProfileDir(session.profileDir);
    granted.remove();
    await municipality.close();
  }
}

await main();
