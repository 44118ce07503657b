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
import { startMunicipalityServer } from '../src/municipality-server/server';
import { buildWithHostPermissions, launchChromium, removeProfileDir } from '../tests/e2e/harness/chromium';
import { heaviest, startProfile, stopProfile, workerSession, type Send } from './cdp-profile';
import { createVault, fetchAllPages, fetchQuiet, signInHeavy, syncAgain } from './citizen-ui';
import { median, seconds } from './figures';

const SCALE = Number(process.env.BENCH_HEAVY_SCALE ?? 0.25);
const RUNS = Number(process.env.BENCH_SYNC_RUNS ?? 1);
const PROFILE = process.env.BENCH_SYNC_PROFILE;
const AGAIN = Number(process.env.BENCH_SYNC_AGAIN ?? 3);
const PROFILE_AGAIN = process.env.BENCH_SYNC_PROFILE_AGAIN;
const FETCH_RUNS = 3;
const TIMEOUT_MS = 15 * 60_000;

async function stopAndPrint(send: Send, file: string): Promise<void> {
  const profile = await stopProfile(send);
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
        if (send && PROFILE) await startProfile(send, 200);
        syncMs.push(await signInHeavy(page, municipality.url, TIMEOUT_MS));
        if (send && PROFILE) await stopAndPrint(send, PROFILE);
        for (let again = 0; again < AGAIN; again++) {
          const profiled = send && PROFILE_AGAIN && again === AGAIN - 1;
          if (profiled) await startProfile(send, 200);
          againMs.push(await syncAgain(page, TIMEOUT_MS));
          if (profiled) await stopAndPrint(send, PROFILE_AGAIN);
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
