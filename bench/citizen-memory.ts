/**
 * Peak JS heap of the vault page and of the extension's background (its service worker) while the
 * citizen benchmark runs, read over the Chrome DevTools Protocol: `Performance.getMetrics` for the
 * page, `Runtime.getHeapUsage` for the service worker (reached through the browser's session, as
 * Playwright gives no session for service workers).
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface HeapPeak {
  bytes: number;
  /** The step of the benchmark during which the peak was seen. */
  during: string;
}

export interface HeapPeaks {
  page: HeapPeak | null;
  background: HeapPeak | null;
  samples: number;
}

const SAMPLE_MS = 250;

/** A session on the extension's service worker, spoken to through Target.sendMessageToTarget. */
async function backgroundHeapReader(context: BrowserContext, extensionId: string): Promise<() => Promise<number | null>> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser behind this context');
  const root = await browser.newBrowserCDPSession();
  const { targetInfos } = await root.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error('the extension has no service worker running');
  // Not flattened: the browser session relays each message, so one CDPSession reaches the worker.
  const { sessionId } = await root.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map<number, (value: number | null) => void>();
  root.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
    if (message.id === undefined) return;
    waiting.get(message.id)?.(message.result?.usedSize ?? null);
    waiting.delete(message.id);
  });
  return async () => {
    const id = nextId++;
    const answer = new Promise<number | null>((resolve) => waiting.set(id, resolve));
    await root.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
    return answer;
  };
}

async function pageHeapReader(page: Page): Promise<() => Promise<number | null>> {
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
  };
}

/**
 * Samples both heaps every 250 ms until stopped. A sample waits while a heap's thread is busy;
 * the next one starts only once it is answered, so a long task shows as one late sample.
 */
export async function sampleHeaps(page: Page, context: BrowserContext, extensionId: string) {
  const readPage = await pageHeapReader(page);
  const readBackground = await backgroundHeapReader(context, extensionId);
  const peaks: HeapPeaks = { page: null, background: null, samples: 0 };
  let during = 'start';
  let running = true;
  const raise = (key: 'page' | 'background', bytes: number | null) => {
    if (bytes !== null && (peaks[key] === null || bytes > peaks[key].bytes)) peaks[key] = { bytes, during };
  };
  const loop = (key: 'page' | 'background', read: () => Promise<number | null>) =>
    (async () => {
      while (running) {
        raise(key, await read());
        peaks.samples++;
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
      }
    })();
  const loops = Promise.all([loop('page', readPage), loop('background', readBackground)]);
  return {
    /** Names the step now running, so the peak says when it happened. */
    step(name: string) {
      during = name;
    },
    /** Stops sampling (after the samples in flight are answered) and returns the peaks. */
    async stop(): Promise<HeapPeaks> {
      running = false;
      await loops;
      return peaks;
    },
  };
}
