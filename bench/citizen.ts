/**
 * `npm run bench:citizen`: what the citizen waits for, measured through the built extension
 * (`npm run build:chrome`) in Debian's Chromium against the reference municipality's heavy citizen,
 * each figure next to a baseline measured in the same run and to issue 11's goal (met / not met).
 * Prints the ratios first, then one table, and writes bench/results/citizen-latest.json.
 *
 *  - first full sync through the extension (the citizen's pick on the sign-in page → "Færdig"),
 *    against fetch + JSON.parse of the same API pages from Node;
 *  - unlock → *Now*'s first rows painted, with the key derivation (Argon2id in the page's worker)
 *    reported apart and the rest as "after the key derivation";
 *  - opening each overview view from *Now* (click → first rows painted, and the document's
 *    element count): search, cases, calendar list and month grid, payments table and chart, the
 *    access log, a case page with its documents; against opening a document page (one record);
 *  - the calendar from today to ten years back: the list of earlier entries a page at a time and
 *    the month grid month by month (bench/citizen-paging.ts), time per step and element counts;
 *  - frames while a key is held (bench/citizen-frames.ts): PageUp on the month grid, PageDown on
 *    the calendar list, the payments and the access log, as frames a second and frame gaps;
 *  - the transactions in Økonomi (after reading in a bank statement of BENCH_CITIZEN_BANK_ROWS
 *    rows, default 40,000 × the scale), opened from Overblik, and Overblik opened again from there;
 *  - a search while typing (last key → results painted, including the view's 200 ms pause),
 *    against a query with no hits typed the same way;
 *  - locking with the payments view open (click → unlock form painted, and → the form takes the
 *    passphrase), against locking from the empty search view; the payments view opened again
 *    after the unlock;
 *  - peak JS heap of the vault page and of the background, and peak RSS of Chromium's processes.
 *
 * BENCH_HEAVY_SCALE sizes the heavy citizen (1 = 64,021 records to sync; default 0.25, see the README),
 * BENCH_CITIZEN_RUNS how often each view is opened (default 2), BENCH_CITIZEN_CAP_S how long one
 * step may take before its figure is recorded as "more than the cap" (default 120),
 * BENCH_CITIZEN_EXTENSION another build to load (default .output/chrome-mv3; compare two builds in
 * one session), BENCH_CITIZEN_TRACE=<file> traces the service worker while the views open, writes
 * the trace there and prints its long tasks per view (bench/sw-trace.ts; a build made without
 * minifying names the functions), then stops.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startMunicipalityServer } from '../src/municipality-server/server';
import { danishDay } from '../src/shared/danish-time';
import { buildWithHostPermissions, launchChromium, removeProfileDir } from '../tests/e2e/harness/chromium';
import { withRssPeak } from './chromium-rss';
import { createVault, DA, fetchAllPages, importBankStatement, PASSPHRASE, signInHeavy } from './citizen-ui';
import { arm, lastKeyDerivation, painted, watchKeyDerivation, type Painted, type Target } from './citizen-probe';
import { sampleHeaps, type HeapPeaks } from './citizen-memory';
import { walkCalendarList, walkMonthGrid, type Walk } from './citizen-paging';
import { framesText, holdKey, type Frames } from './citizen-frames';
import { figure, median, mib, percentile, printTable, seconds, type Figure } from './figures';
import { startSwTrace, type SwTrace } from './sw-trace';

const SCALE = Number(process.env.BENCH_HEAVY_SCALE ?? 0.25);
const RUNS = Number(process.env.BENCH_CITIZEN_RUNS ?? 2);
const CAP_MS = Number(process.env.BENCH_CITIZEN_CAP_S ?? 120) * 1000;
const EXTENSION = process.env.BENCH_CITIZEN_EXTENSION;
const TRACE = process.env.BENCH_CITIZEN_TRACE;
/** How long to wait, past the cap, for a busy page to come back before giving up on the run. */
const RECOVER_MS = 15 * 60_000;
const FETCH_RUNS = 3;
/** Bank rows read into Økonomi for its transactions view: about ten years of a household's card payments at scale 1. */
const BANK_ROWS = Number(process.env.BENCH_CITIZEN_BANK_ROWS ?? Math.round(40_000 * SCALE));
/** How many auto-repeats of a held key (30 a second) each frame figure sends. */
const HELD_KEYS = Number(process.env.BENCH_CITIZEN_HELD_KEYS ?? 150);
const SEARCH_QUERIES = ['jobsamtale', 'genoptræning', 'vesteraa'];
const NO_HIT_QUERY = 'qxzvwq';
const TYPING_DELAY_MS = 50;
/** The search view's count line (the overview's damage alert has a status line of its own). */
const SEARCH_STATUS = 'form[role="search"] + div.status[role="status"]';

const RESULTS_DIR = join(import.meta.dirname, 'results');

/** The overview's views, what is timed when each opens, and what that is in the DOM. */
const VIEWS = [
  { key: 'view.cases', name: 'Sager', shows: 'first rows', rows: { selector: 'ul.cards li' } },
  { key: 'view.calendar', name: 'Kalender', shows: 'first rows', rows: { selector: '[aria-labelledby^="cal-"] > ul.entries li' } },
  { key: 'view.payments', name: 'Udbetalinger', shows: 'first rows', rows: { selector: '.table-scroll table tbody tr' } },
  { key: 'view.payments', name: 'Udbetalinger', shows: 'the monthly chart', rows: { selector: 'svg.payment-chart rect' } },
  { key: 'view.access', name: 'Hvem har set mine data', shows: 'first rows', rows: { selector: 'table.access-log tbody tr' } },
] as const;
const NOW_ROWS: Target = { selector: '.now-grid li' };
const MONEY_ROWS: Target = { selector: '#money-list tbody tr' };
const SEARCH_FORM: Target = { selector: 'form[role="search"] input' };
const UNLOCK_FORM: Target = { selector: 'h1', text: DA['unlock.title'] };

/** Issue 11's goal for the peak JS heap, of the page and of the background each (300 MB). */
const HEAP_GOAL_BYTES = 300e6;
const verdict = (met: boolean) => (met ? 'met' : 'not met');

/** A step's figures: what each run painted, or null where it ran past the cap. */
type Runs = (Painted | null)[];

/** The service worker's trace while the views open (BENCH_CITIZEN_TRACE), and the section each timed step belongs to. */
const tracing: { trace: SwTrace | null; section: string; steps: number } = { trace: null, section: '', steps: 0 };

/** Times one input (`act`) until `target` is painted; past the cap, waits for the page to recover. */
async function timed(page: Page, target: Target, act: () => Promise<void>, trigger: 'click' | 'keydown' = 'click'): Promise<Painted | null> {
  await arm(page, target, trigger);
  const traced = tracing.trace ? `${tracing.section} #${++tracing.steps}` : null;
  if (traced) await tracing.trace!.mark(page, `${traced} begin`);
  // The cap runs from the input on: a busy page acknowledges a click late, so do not wait for that first.
  const acting = act();
  const result = await painted(page, CAP_MS);
  if (traced) await tracing.trace!.mark(page, `${traced} end`);
  if (!result) {
    console.log(`  … over the ${seconds(CAP_MS)} cap; waiting for the page to finish`);
    if (!(await painted(page, RECOVER_MS))) throw new Error(`the page did not finish within ${seconds(CAP_MS + RECOVER_MS)}`);
  }
  await acting;
  return result;
}

const section = (page: Page, key: 'section.money' | 'section.overview') =>
  page.getByRole('navigation', { name: DA['header.sections'] }).getByRole('button', { name: DA[key] });
const viewsNav = (page: Page) => page.getByRole('navigation', { name: DA['overview.views'] });
const openView = (page: Page, key: (typeof VIEWS)[number]['key'] | 'view.now' | 'view.search') =>
  viewsNav(page).getByRole('link', { name: DA[key], exact: true }).click();

async function backToNow(page: Page): Promise<void> {
  await arm(page, NOW_ROWS, 'click');
  await openView(page, 'view.now');
  if (!(await painted(page, CAP_MS + RECOVER_MS))) throw new Error('Now did not come back');
}

/** A figure from runs that may have hit the cap: a capped run counts as the cap (a lower bound). */
function viewFigure(name: string, runs: Runs, against?: { name: string; runs: Runs; goal?: { ratio?: number; ms?: number } }): Figure {
  const ms = (r: Runs) => r.map((p) => p?.ms ?? CAP_MS);
  const f = figure(name, ms(runs), against ? { name: against.name, ms: ms(against.runs), ...(against.goal ? { goal: against.goal } : {}) } : undefined);
  const capped = runs.filter((p) => p === null).length;
  const elements = runs.flatMap((p) => (p ? [p.elements] : []));
  const parts = [
    elements.length ? `${Math.max(...elements).toLocaleString('en')} elements` : '',
    capped ? `${capped} of ${runs.length} runs over the ${seconds(CAP_MS)} cap (counted as the cap)` : '',
    runs.some((p) => p) ? `in the DOM after ${seconds(median(runs.flatMap((p) => (p ? [p.inDomMs] : []))))}` : '',
  ];
  f.detail = parts.filter(Boolean).join('; ');
  return f;
}

/**
 * Issue 11's goals for a view: first rows painted within 200 ms of the click, at most 3,000
 * elements; a step through a long list is held to its 50 frames a second instead, 20 ms.
 */
const VIEW_GOAL = { ms: 200, text: '≤ 200 ms' };
const STEP_GOAL = { ms: 20, text: '≤ 20 ms a step (50 fps)' };
const ELEMENTS_GOAL = 3000;

function withViewGoal(f: Figure, runs: Runs, goal = VIEW_GOAL): Figure {
  f.goal = `${goal.text}, ≤ ${ELEMENTS_GOAL.toLocaleString('en')} elements`;
  f.met = f.medianMs <= goal.ms && Math.max(...runs.map((p) => p?.elements ?? Infinity)) <= ELEMENTS_GOAL;
  return f;
}

/** One step of a walk through the calendar, as a view figure: the median step, with its spread and the DOM's bounds. */
function walkFigure(name: string, walk: Walk, floor: { name: string; runs: Runs }): Figure {
  const f = withViewGoal(viewFigure(name, walk.steps, floor), walk.steps, STEP_GOAL);
  const done = walk.steps.flatMap((p) => (p ? [p] : []));
  if (done.length) {
    const ms = done.map((p) => p.ms);
    const elements = done.map((p) => p.elements);
    f.detail = [
      `${walk.steps.length} steps to ${walk.reached ?? 'n/a'} (${walk.ended})`,
      `p95 ${seconds(percentile(ms, 95))}, slowest ${seconds(Math.max(...ms))}`,
      `elements ${elements[0]!.toLocaleString('en')} at the first step, ${elements.at(-1)!.toLocaleString('en')} at the last, at most ${Math.max(...elements).toLocaleString('en')}`,
      done.length < walk.steps.length ? `${walk.steps.length - done.length} steps over the ${seconds(CAP_MS)} cap` : '',
    ]
      .filter(Boolean)
      .join('; ');
  }
  return f;
}

/** Issue 11's "scrolling stays above 50 fps", for frames counted while a key was held. */
function framesFigure(name: string, frames: Frames): Figure {
  const f = figure(name, frames.intervals);
  f.detail = framesText(frames);
  f.goal = '≥ 50 fps';
  f.met = frames.fps >= 50;
  return f;
}

/**
 * Locks (click → unlock form painted), then unlocks (click → `back` painted: the vault reopens the screen it was
 * locked on) and splits off the key derivation.
 */
async function lockAndUnlock(page: Page, back: Target) {
  const lock = await timed(page, UNLOCK_FORM, () => page.getByRole('button', { name: DA['header.lock'], exact: true }).click());
  // The form can be painted while the page is still busy freeing what the view held: time until it takes the passphrase.
  await page.getByLabel(DA['passphrase.label'], { exact: true }).fill(PASSPHRASE);
  const answeredAt = await page.evaluate(() => performance.now());
  const unlock = await timed(page, back, () => page.getByRole('button', { name: DA['unlock.submit'], exact: true }).click());
  const kdf = await lastKeyDerivation(page);
  const kdfUsable = unlock && kdf && kdf.startedAt >= unlock.inputAt;
  return {
    lock,
    lockAnsweredMs: lock ? answeredAt - lock.inputAt : null,
    unlock,
    kdfMs: kdfUsable ? kdf.endedAt - kdf.startedAt : null,
    afterKdfMs: kdfUsable ? unlock.paintedAt - kdf.endedAt : null,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  const loadAtStart = loadavg();
  const municipality = await startMunicipalityServer({ port: 0, testMode: true, heavy: { scale: SCALE } });
  const granted = EXTENSION ? buildWithHostPermissions(['http://127.0.0.1/*'], EXTENSION) : buildWithHostPermissions(['http://127.0.0.1/*']);
  const session = await launchChromium({ extensionDir: granted.dir });
  try {
    // The baseline; the first fetch also makes the server build the heavy citizen, so it is not counted.
    const warm = await fetchAllPages(municipality.url);
    const fetchMs: number[] = [];
    for (let run = 0; run < FETCH_RUNS; run++) fetchMs.push((await fetchAllPages(municipality.url)).ms);
    console.log(
      `heavy citizen, scale ${SCALE}: ${warm.items.toLocaleString('en')} records in ${warm.pages} pages, ${mib(warm.bytes)} of JSON; fetch + parse ${seconds(median(fetchMs))} (${elapsed()})`,
    );

    const page = await session.openPage('vault.html');
    // A click on a view that renders every row is acknowledged only once it has rendered.
    page.setDefaultTimeout(CAP_MS + RECOVER_MS);
    await watchKeyDerivation(page);
    const heaps = await sampleHeaps(page, session.context, session.extensionId);
    let peaks: HeapPeaks | null = null;
    const {
      result: measured,
      peakRss,
      startRss,
    } = await withRssPeak(async () => {
      try {
        const step = (name: string) => {
          heaps.step(name);
          tracing.section = name;
          tracing.steps = 0;
        };
        return await measure(page, municipality.url, step, elapsed, session.context);
      } finally {
        peaks = await heaps.stop();
      }
    });
    if (!measured) return;
    const { figures, details } = measured;
    figures.unshift(
      figure(`fetch + JSON.parse of the same ${warm.pages} pages (Node)`, fetchMs),
      (() => {
        const f = figure(`first full sync through the extension (${warm.items.toLocaleString('en')} records)`, details.syncMs, {
          name: 'fetch + JSON.parse',
          ms: fetchMs,
          goal: { ratio: 6, ms: 5000 },
        });
        f.detail = `${Math.round(warm.items / (median(details.syncMs) / 1000)).toLocaleString('en')} records/s; sign-in pick → "Færdig" shown`;
        return f;
      })(),
    );
    const heapPeaks = peaks as HeapPeaks | null;
    const memory = {
      pageHeap: heapPeaks?.page ?? null,
      backgroundHeap: heapPeaks?.background ?? null,
      chromiumRss: { peakBytes: peakRss, startBytes: startRss },
    };
    const memoryLine =
      `peak JS heap: vault page ${mib(memory.pageHeap?.bytes)} (during ${memory.pageHeap?.during ?? 'n/a'}), ` +
      `background ${mib(memory.backgroundHeap?.bytes)} (during ${memory.backgroundHeap?.during ?? 'n/a'}); goal ≤ 300 MB each: ` +
      `${verdict([memory.pageHeap, memory.backgroundHeap].every((h) => h !== null && h.bytes <= HEAP_GOAL_BYTES))}; ` +
      `peak Chromium RSS ${mib(peakRss)} (from ${mib(startRss)}, shared pages counted per process)`;

    const loadAtEnd = loadavg();
    console.log('');
    console.log('ratios first:');
    for (const f of figures.filter((x) => x.ratio !== undefined)) {
      const goal = f.goal ? `; goal ${f.goal}: ${verdict(f.met === true)}` : '';
      console.log(`  ${f.ratio!.toFixed(1).padStart(7)}×  ${f.name} (against ${f.baseline}; ${seconds(f.medianMs)}${goal})`);
    }
    console.log('');
    printTable(figures);
    console.log(`\n${memoryLine}`);
    console.log(
      `load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')} at the end; ${cpus().length} cores`,
    );

    mkdirSync(RESULTS_DIR, { recursive: true });
    const results = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, chromium: session.context.browser()?.version() ?? null },
      conditions: { loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadAtEnd },
      config: {
        heavyScale: SCALE,
        records: warm.items,
        pages: warm.pages,
        jsonBytes: warm.bytes,
        runs: RUNS,
        capMs: CAP_MS,
        searchQueries: SEARCH_QUERIES,
        typingDelayMs: TYPING_DELAY_MS,
      },
      figures,
      memory: {
        ...memory,
        heapSamples: heapPeaks?.samples ?? 0,
        how: 'JS heap: CDP Performance.getMetrics JSHeapUsedSize (page) and Runtime.getHeapUsage usedSize (service worker), sampled every 250 ms; RSS: bench/chromium-rss.ts',
      },
      details,
      durationS: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(join(RESULTS_DIR, 'citizen-latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwritten to bench/results/citizen-latest.json (${results.durationS} s in all)`);
  } finally {
    await session.close();
    removeProfileDir(session.profileDir);
    granted.remove();
    await municipality.close();
  }
}

/** Everything measured in the vault page, in the order a citizen would meet it. */
async function measure(page: Page, origin: string, step: (name: string) => void, elapsed: () => string, context: BrowserContext) {
  step('vault creation');
  await createVault(page, 'Søren');

  step('first sync');
  const syncMs = [await signInHeavy(page, origin, CAP_MS + RECOVER_MS)];
  console.log(`first sync through the extension: ${seconds(syncMs[0]!)} (${elapsed()})`);

  step('Now after the sync');
  const firstNow = await timed(page, NOW_ROWS, () => page.getByRole('button', { name: DA['muni.showOverview'] }).click());
  console.log(`Now after the sync: ${firstNow ? seconds(firstNow.ms) : 'over the cap'} (${elapsed()})`);

  if (TRACE) tracing.trace = await startSwTrace(context);
  step('opening the search view');
  const searchView: Runs = [];
  for (let run = 0; run < RUNS; run++) {
    searchView.push(await timed(page, SEARCH_FORM, () => openView(page, 'view.search')));
    await backToNow(page);
  }

  const viewRuns: Record<string, Runs> = {};
  for (const view of VIEWS) {
    const label = `${view.name}, ${view.shows}`;
    step(`opening ${label}`);
    const runs: Runs = [];
    for (let run = 0; run < RUNS; run++) {
      runs.push(await timed(page, view.rows, () => openView(page, view.key)));
      await backToNow(page);
    }
    viewRuns[label] = runs;
    console.log(`${label}: ${runs.map((p) => (p ? seconds(p.ms) : 'capped')).join(', ')} (${elapsed()})`);
  }

  // A case page and one of its documents, reached as a citizen would: from the list of cases.
  step('opening a case and a document');
  const casePage: Runs = [];
  const documentPage: Runs = [];
  for (let run = 0; run < RUNS; run++) {
    await arm(page, VIEWS[0].rows, 'click');
    await openView(page, 'view.cases');
    if (!(await painted(page, CAP_MS + RECOVER_MS))) throw new Error('the cases view did not open');
    casePage.push(await timed(page, { selector: '.case-page .panel' }, () => page.locator('ul.cards li a').first().click()));
    const docLink = page.locator('section[aria-labelledby="case-documents"] a').first();
    documentPage.push((await docLink.count()) ? await timed(page, { selector: 'article.document' }, () => docLink.click()) : null);
    await backToNow(page);
  }
  console.log(`case page and document (${elapsed()})`);
  if (tracing.trace) {
    const lines = await tracing.trace.stop(TRACE!);
    tracing.trace = null;
    console.log('the service worker while the views opened:');
    for (const line of lines) console.log(`  ${line}`);
    // A traced run is for finding where a view's time goes; the trace slows what follows.
    return null;
  }

  // Ten years back through the calendar: the list a page at a time, then the month grid.
  const today = danishDay(Date.now());
  step('Kalender: ten years back');
  await arm(page, VIEWS[1].rows, 'click');
  await openView(page, 'view.calendar');
  if (!(await painted(page, CAP_MS + RECOVER_MS))) throw new Error('the calendar did not open');
  const listWalk = await walkCalendarList(page, today, timed);
  console.log(`Kalender list: ${listWalk.steps.length} pages back to ${listWalk.reached ?? 'n/a'} (${listWalk.ended}) (${elapsed()})`);
  const monthMode = await timed(page, { selector: 'table.month-grid td[aria-selected="true"]' }, () =>
    page.getByRole('button', { name: DA['calendar.month'], exact: true }).click(),
  );
  const monthWalk = await walkMonthGrid(page, today, timed);
  console.log(`Kalender month grid: ${monthWalk.steps.length} months back to ${monthWalk.reached ?? 'n/a'} (${elapsed()})`);

  // Frames while a key is held: the month grid and the list (from its first page), the payments, the access log.
  step('frames while a key is held');
  const frames: [string, Frames][] = [];
  frames.push(['Kalender month grid, PageUp held', await holdKey(page, page.locator('table.month-grid td[aria-selected="true"]'), 'PageUp', HELD_KEYS)]);
  await page.getByRole('button', { name: DA['calendar.list'], exact: true }).click();
  frames.push(['Kalender list, PageDown held', await holdKey(page, page.locator('#cal-past-list > li').first(), 'PageDown', HELD_KEYS)]);
  for (const [view, rows] of [
    [VIEWS[2], '#payments-all tbody tr'],
    [VIEWS[4], 'table.access-log tbody tr'],
  ] as const) {
    await arm(page, view.rows, 'click');
    await openView(page, view.key);
    if (!(await painted(page, CAP_MS + RECOVER_MS))) throw new Error(`${view.name} did not open`);
    frames.push([`${view.name}, PageDown held`, await holdKey(page, page.locator(rows).first(), 'PageDown', HELD_KEYS)]);
  }
  for (const [name, f] of frames) console.log(`${name}: ${framesText(f)}`);
  await backToNow(page);

  // Transactions: a statement of ten years read into Økonomi, then the section opened from Overblik and back.
  step('bank import');
  await section(page, 'section.money').click();
  const bankImportMs = await importBankStatement(page, BANK_ROWS, CAP_MS + RECOVER_MS);
  console.log(`${BANK_ROWS.toLocaleString('en')} bank rows imported in ${seconds(bankImportMs)} (${elapsed()})`);
  step('opening Økonomi');
  const overviewAgain: Runs = [];
  const moneyRuns: Runs = [];
  for (let run = 0; run < RUNS; run++) {
    overviewAgain.push(await timed(page, NOW_ROWS, () => section(page, 'section.overview').click()));
    moneyRuns.push(await timed(page, MONEY_ROWS, () => section(page, 'section.money').click()));
  }
  overviewAgain.push(await timed(page, NOW_ROWS, () => section(page, 'section.overview').click()));
  console.log(`Økonomi and back: ${moneyRuns.map((p) => (p ? seconds(p.ms) : 'capped')).join(', ')} (${elapsed()})`);

  step('search while typing');
  await openView(page, 'view.search');
  const input = page.locator('#search-input');
  await input.waitFor();
  const typeQuery = async (query: string, target: Target) => {
    await input.fill('');
    // The field emptied clears the count line and the hits after the view's pause; then type.
    await page.locator(`${SEARCH_STATUS}:empty`).waitFor({ state: 'attached' });
    await page.locator('.hit-group').first().waitFor({ state: 'detached' });
    await input.focus();
    return timed(page, target, () => page.keyboard.type(query, { delay: TYPING_DELAY_MS }), 'keydown');
  };
  const searchRuns: Runs = [];
  const noHitRuns: Runs = [];
  const searchCounts: Record<string, string | null> = {};
  for (const query of SEARCH_QUERIES) {
    // The count line and the hits are painted in the same frame; waiting for the line also ends a query that finds nothing.
    searchRuns.push(await typeQuery(query, { selector: `${SEARCH_STATUS}:not(:empty)` }));
    searchCounts[query] = await page.locator(SEARCH_STATUS).textContent();
    noHitRuns.push(await typeQuery(NO_HIT_QUERY, { selector: SEARCH_STATUS, text: `Ingen resultater for “${NO_HIT_QUERY}”.` }));
  }
  console.log(`search (${elapsed()})`);

  // Locking from a light view, then from the payments view (the one the issue saw freeze).
  step('lock from Søg, unlock');
  await input.fill('');
  const light = await lockAndUnlock(page, SEARCH_FORM);
  step('Udbetalinger, lock, unlock');
  const paymentsAgain = await timed(page, VIEWS[2].rows, () => openView(page, 'view.payments'));
  const heavy = await lockAndUnlock(page, VIEWS[2].rows);
  // Unlock → Now: locked on Now, so that Now is the screen the vault reopens.
  step('Now, lock, unlock');
  await openView(page, 'view.now');
  const unlocks = [await lockAndUnlock(page, NOW_ROWS), await lockAndUnlock(page, NOW_ROWS)];
  console.log(`lock and unlock (${elapsed()})`);

  const kdfMs = unlocks.flatMap((u) => (u.kdfMs === null ? [] : [u.kdfMs]));
  const afterKdfMs = unlocks.flatMap((u) => (u.afterKdfMs === null ? [] : [u.afterKdfMs]));
  const figures: Figure[] = [];
  const kdf = figure('key derivation at unlock (Argon2id in the page’s worker)', kdfMs);
  const unlockAll = viewFigure(
    'unlock click → Now’s first rows painted',
    unlocks.map((u) => u.unlock),
  );
  const unlockAfter = figure('unlock → Now painted, after the key derivation', afterKdfMs, { name: 'key derivation', ms: kdfMs, goal: { ms: 300 } });
  unlockAfter.detail = 'from the KDF worker ending to the frame painted: unlock in the background, Now’s data, render';
  figures.push(kdf, unlockAll, unlockAfter, viewFigure('Now after the first sync: "Se dit overblik" click → first rows painted', [firstNow]));

  // The baseline for a view: a document page (one record, about a hundred elements), opened the same way.
  const floor = { name: 'open a document', runs: documentPage };
  figures.push(viewFigure('open a document from its case: click → painted', documentPage));
  const views: [string, Runs][] = [
    ['open Søg: click → search field painted', searchView],
    ...VIEWS.map((v) => [`open ${v.name}: click → ${v.shows} painted`, viewRuns[`${v.name}, ${v.shows}`]!] as [string, Runs]),
  ];
  for (const [name, runs] of views) figures.push(withViewGoal(viewFigure(name, runs, floor), runs));
  const calendarMonth = viewFigure('Kalender: "Måned" click → month grid painted', [monthMode], floor);
  withViewGoal(calendarMonth, [monthMode]);
  figures.push(
    calendarMonth,
    walkFigure('Kalender list, "Næste side" back ten years: one page step', listWalk, floor),
    walkFigure('Kalender month grid, "Forrige måned" back 120 months: one step', monthWalk, floor),
    ...frames.map(([name, f]) => framesFigure(`${name}: frame gaps`, f)),
  );
  figures.push(
    withViewGoal(viewFigure(`open Økonomi from Overblik: click → first transactions painted (${BANK_ROWS.toLocaleString('en')})`, moneyRuns, floor), moneyRuns),
    viewFigure('back to Overblik from Økonomi: click → Now painted', overviewAgain),
  );
  figures.push(
    viewFigure('open a case page from Sager: click → painted', casePage, floor),
    viewFigure('open Udbetalinger again, after a lock and unlock: click → first rows painted', [paymentsAgain], floor),
  );
  figures.push(viewFigure(`search typed with no hits ("${NO_HIT_QUERY}"): last key → "Ingen resultater" painted`, noHitRuns));
  const searchFigure = viewFigure(`search typed (${SEARCH_QUERIES.join(', ')}): last key → results painted`, searchRuns, {
    name: 'no-hit query',
    runs: noHitRuns,
  });
  searchFigure.detail = `${searchFigure.detail}; ${Object.values(searchCounts).join(', ')}; includes the view's 200 ms pause after typing`;
  figures.push(searchFigure);
  figures.push(viewFigure('lock from Søg: click → unlock form painted', [light.lock]));
  const lockFigure = viewFigure('lock with Udbetalinger open: click → unlock form painted', [heavy.lock], {
    name: 'lock from Søg',
    runs: [light.lock],
    goal: { ms: 1000 },
  });
  figures.push(lockFigure);
  const answered = (u: typeof light) => (u.lockAnsweredMs === null ? [] : [u.lockAnsweredMs]);
  figures.push(
    figure('lock from Søg: click → passphrase typed into the form', answered(light)),
    figure('lock with Udbetalinger open: click → passphrase typed into the form', answered(heavy), {
      name: 'the same from Søg',
      ms: answered(light),
      goal: { ms: 1000 },
    }),
  );

  return {
    figures,
    details: {
      syncMs,
      firstNow,
      searchView,
      views: viewRuns,
      paymentsAgain,
      casePage,
      documentPage,
      calendar: { listWalk, monthMode, monthWalk },
      frames: Object.fromEntries(frames.map(([name, { intervals, ...f }]) => [name, f])),
      bank: { rows: BANK_ROWS, importMs: bankImportMs, moneyRuns, overviewAgain },
      searchRuns,
      searchCounts,
      noHitRuns,
      unlocks: { fromNow: unlocks, fromSearch: light, fromPayments: heavy },
    },
  };
}

await main();
