/**
 * `npm run bench:sync`: the heavy citizen's first full sync through the built extension
 * (`npm run build:chrome`), alone, against fetch + JSON.parse of the same pages from Node in the
 * same run — the first figure of `npm run bench:citizen` without the views after it, for
 * iterating on the sync. BENCH_HEAVY_SCALE sizes the citizen (default 0.25), BENCH_SYNC_RUNS how
 * many fresh browsers sync it (default 1), BENCH_SYNC_EXTENSION another build to load (default
 * .output/chrome-mv3; for comparing two builds in one session). With BENCH_SYNC_PROFILE=<file.cpuprofile> the service
 * worker's CPU profile of the last sync is written there, and its heaviest functions printed
 * (self time; the sampling itself slows the sync a little). After each first sync the citizen asks
 * for new data BENCH_SYNC_AGAIN times (default 3), which brings nothing new: the re-sync, against
 * fetch + JSON.parse of the same quiet pages; BENCH_SYNC_PROFILE_AGAIN=<file> profiles the last one.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { BrowserContext } from 'playwright-core';
import { startMunicipalityServer } from '../src/municipality-server/server';
import { buildWithHostPermissions, launchChromium, removeProfileDir } from '../tests/e2e/harness/chromium';
import { createVault, fetchAllPages, fetchQuiet, signInHeavy, syncAgain } from './citizen-ui';
import { median, seconds } from './figures';

const SCALE = Number(process.env.BENCH_HEAVY_SCALE ?? 0.25);
const RUNS = Number(process.env.BENCH_SYNC_RUNS ?? 1);
const PROFILE = process.env.BENCH_SYNC_PROFILE;
const AGAIN = Number(process.env.BENCH_SYNC_AGAIN ?? 3);
const PROFILE_AGAIN = process.env.BENCH_SYNC_PROFILE_AGAIN;
const FETCH_RUNS = 3;
const TIMEOUT_MS = 15 * 60_000;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The extension's service worker over CDP (Playwright gives no session for service workers). */
async function workerSession(context: BrowserContext, extensionId: string) {
  const root = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await root.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error('the extension has no service worker running');
  const { sessionId } = await root.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map<number, (value: unknown) => void>();
  root.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id === undefined) return;
    waiting.get(message.id)?.(message.result);
    waiting.delete(message.id);
  });
  return async (method: string, params: object = {}): Promise<unknown> => {
    const id = nextId++;
    const answer = new Promise((resolve) => waiting.set(id, resolve));
    await root.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return answer;
  };
}

/** Self time per function (name, file and line), heaviest first. */
function heaviest(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, count: number): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`);
}

type Send = (method: string, params?: object) => Promise<unknown>;

async function startProfile(send: Send): Promise<void> {
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 200 });
  await send('Profiler.start');
}

async function stopProfile(send: Send, file: string): Promise<void> {
  const { profile } = (await send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  writeFileSync(file, JSON.stringify(profile));
  console.log(`service worker profile written to ${file}; heaviest functions (self time):`);
  for (const line of heaviest(profile, 40)) console.log(`  ${line}`);
}

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  const municipality = await startMunicipalityServer({ port: 0, testMode: true, heavy: { scale: SCALE } });
  const granted = process.env.BENCH_SYNC_EXTENSION
    ? buildWithHostPermissions(['http://127.0.0.1/*'], process.env.BENCH_SYNC_EXTENSION)
    : buildWithHostPermissions(['http://127.0.0.1/*']);
  try {
    const warm = await fetchAllPages(municipality.url);
    const fetchMs: number[] = [];
    for (let run = 0; run < FETCH_RUNS; run++) fetchMs.push((await fetchAllPages(municipality.url)).ms);
    const quietMs: number[] = [];
    for (let run = 0; run < FETCH_RUNS; run++) quietMs.push(await fetchQuiet(municipality.url, warm.tokens));
    const syncMs: number[] = [];
    const againMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const session = await launchChromium({ extensionDir: granted.dir });
      try {
        const page = await session.openPage('vault.html');
        await createVault(page, 'Søren');
        const last = run === RUNS - 1;
        const send = last && (PROFILE || PROFILE_AGAIN) ? await workerSession(session.context, session.extensionId) : null;
        if (send && PROFILE) await startProfile(send);
        syncMs.push(await signInHeavy(page, municipality.url, TIMEOUT_MS));
        if (send && PROFILE) await stopProfile(send, PROFILE);
        for (let again = 0; again < AGAIN; again++) {
          const profiled = send && PROFILE_AGAIN && again === AGAIN - 1;
          if (profiled) await startProfile(send);
          againMs.push(await syncAgain(page, TIMEOUT_MS));
          if (profiled) await stopProfile(send, PROFILE_AGAIN);
        }
      } finally {
        await session.close();
        removeProfileDir(session.profileDir);
      }
    }
    const ratio = median(syncMs) / median(fetchMs);
    console.log(
      `heavy citizen, scale ${SCALE}: ${warm.items.toLocaleString('en')} records in ${warm.pages} pages; ` +
        `first sync ${syncMs.map(seconds).join(', ')} (median ${seconds(median(syncMs))}); ` +
        `fetch + JSON.parse ${seconds(median(fetchMs))}; ${ratio.toFixed(1)}× (goal ≤ 6× and ≤ 5 s)`,
    );
    if (againMs.length > 0)
      console.log(
        `re-sync with nothing new ${againMs.map(seconds).join(', ')} (median ${seconds(median(againMs))}; click → "Færdig: 0"); ` +
          `fetch + JSON.parse of the same quiet pages ${seconds(median(quietMs))}; ${(median(againMs) / median(quietMs)).toFixed(1)}× (goal ≤ 300 ms)`,
      );
    console.log(
      `load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} at the end; ${cpus().length} cores`,
    );
  } finally {
    granted.remove();
    await municipality.close();
  }
}

await main();
