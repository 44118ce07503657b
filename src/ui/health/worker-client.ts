/**
 * The page's side of the health import worker: starts it, passes progress on, cancels it, and
 * always ends it. A worker that fails to load or dies (e.g. out of memory) is reported, not
 * waited for.
 */
import { proxy, wrap } from 'comlink';
import { browser } from 'wxt/browser';
import type { HealthParseOptions, HealthParseOutcome, HealthProgress, HealthWorkerApi } from './health-worker-api';
import { bestEffort } from '../../shared/best-effort';

export interface RunningParse {
  result: Promise<HealthParseOutcome>;
  cancel(): void;
}

/** How long a cancelled worker may take to stop on its own before it is ended. */
const CANCEL_GRACE_MS = 1500;

export function parseHealthFile(file: File, options: HealthParseOptions, onProgress: (progress: HealthProgress) => void): RunningParse {
  const worker = new Worker(browser.runtime.getURL('/health-import-worker.js'));
  const remote = wrap<HealthWorkerApi>(worker);
  let settle: (outcome: HealthParseOutcome) => void = () => {};
  const ended = new Promise<HealthParseOutcome>((resolve) => (settle = resolve));
  const died = (event: Event) => settle({ ok: false, code: 'malformed', detail: `worker ${event.type}` });
  worker.addEventListener('error', died);
  worker.addEventListener('messageerror', died);
  remote
    .parse(file, options, proxy(onProgress))
    .then(settle, (error: unknown) => settle({ ok: false, code: 'malformed', detail: (error as Error | null)?.name ?? 'Error' }));
  const result = ended.finally(() => worker.terminate());
  return {
    result,
    cancel() {
      void bestEffort(remote.cancel(), 'the worker may have ended already; the grace timer ends it anyway');
      setTimeout(() => settle({ ok: false, code: 'cancelled' }), CANCEL_GRACE_MS);
    },
  };
}
