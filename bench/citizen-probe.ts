/**
 * Clocks for the citizen benchmark, read in the vault page's own time base so that no round trip
 * to Node is counted: a probe armed before a click or a key measures from that input's timestamp
 * to the first frame painted after what it waits for appears; a key-derivation clock notes when
 * the page's KDF worker starts and is terminated. Nothing here changes what the page does.
 */
import type { Page } from 'playwright-core';

/** What a probe waits for: an element matching `selector`, whose text is `text` if given. */
export interface Target {
  selector: string;
  text?: string;
}

export interface Painted {
  /** From the input's timestamp to the frame painted after the target appeared. */
  ms: number;
  /** From the input to the target in the DOM (before layout and paint). */
  inDomMs: number;
  /** Elements in the document at that frame. */
  elements: number;
  /** When the input happened, in the page's performance.now() time. */
  inputAt: number;
  paintedAt: number;
}

/**
 * tsx compiles this file keeping function names, which wraps named functions in a `__name` helper
 * that does not exist in the page; functions passed to `page.evaluate` need it there.
 */
const NAME_HELPER = 'globalThis.__name ??= (fn) => fn';

interface ProbeWindow {
  __citizenProbe?: Promise<Painted>;
  __citizenKdf?: { startedAt: number[]; endedAt: number[] };
}

/**
 * Arms a probe: the next `trigger` event (for keys: the last one before the target appears) starts
 * the clock, the first frame painted once `target` is in the DOM stops it. Arm, then act, then
 * `painted()`.
 */
export async function arm(page: Page, target: Target, trigger: 'click' | 'keydown'): Promise<void> {
  await page.evaluate(NAME_HELPER);
  await page.evaluate(
    ({ target, trigger }) => {
      const w = window as ProbeWindow;
      let inputAt: number | null = null;
      const onInput = (event: Event) => {
        // The event's timeStamp is when the browser received the input, even if the page was busy.
        inputAt = event.timeStamp;
      };
      document.addEventListener(trigger, onInput, { capture: true });
      const present = () => [...document.querySelectorAll(target.selector)].some((el) => target.text === undefined || el.textContent?.trim() === target.text);
      w.__citizenProbe = new Promise<Painted>((resolve) => {
        const observer = new MutationObserver(() => {
          if (inputAt === null || !present()) return;
          const foundAt = performance.now();
          const start = inputAt;
          observer.disconnect();
          document.removeEventListener(trigger, onInput, { capture: true });
          // A task queued from requestAnimationFrame runs once that frame has been painted.
          requestAnimationFrame(() =>
            setTimeout(() => {
              const paintedAt = performance.now();
              resolve({ ms: paintedAt - start, inDomMs: foundAt - start, elements: document.getElementsByTagName('*').length, inputAt: start, paintedAt });
            }, 0),
          );
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true });
      });
    },
    { target, trigger },
  );
}

interface TextWindow {
  __textPainted?: Promise<number>;
}

/**
 * Arms a clock for text that an action elsewhere (in another page, or in the background) makes
 * appear: `textPainted` then gives the wall-clock time (ms since the epoch, comparable with
 * Node's `Date.now()`) of the first frame painted once the page's text matches `pattern` after
 * not matching it at some point since arming (so a line left from before, like the outcome of
 * the last sync, does not count until it has gone). A locator's wait would poll, every 500 ms
 * once its first tries are spent, which rounds a wait of seconds up by as much.
 */
export async function armText(page: Page, pattern: RegExp): Promise<void> {
  await page.evaluate(NAME_HELPER);
  await page.evaluate(
    ({ source, flags }) => {
      const re = new RegExp(source, flags);
      const w = window as TextWindow;
      const present = () => re.test(document.body.textContent ?? '');
      let gone = !present();
      w.__textPainted = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!present()) return void (gone = true);
          if (!gone) return;
          observer.disconnect();
          // A task queued from requestAnimationFrame runs once that frame has been painted.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.timeOrigin + performance.now()), 0));
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true });
      });
    },
    { source: pattern.source, flags: pattern.flags },
  );
}

/** The wall-clock time the armed text was painted, waiting at most `capMs`; `null` when the cap ran out first. */
export const textPainted = (page: Page, capMs: number): Promise<number | null> =>
  withinCap(
    page.evaluate(() => (window as TextWindow).__textPainted!),
    capMs,
  );

/** Waits for the armed probe, at most `capMs`; `null` when the cap ran out first. */
export const painted = (page: Page, capMs: number): Promise<Painted | null> =>
  withinCap(
    page.evaluate(() => (window as ProbeWindow).__citizenProbe!),
    capMs,
  );

/** `answer`, or `null` once `capMs` have passed without it. */
async function withinCap<T>(answer: Promise<T>, capMs: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), capMs)));
  try {
    return await Promise.race([answer, cap]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Notes when the page starts a KDF worker and when it terminates it (the page ends the worker as
 * soon as the key is derived), by wrapping the page's Worker constructor and terminate method.
 */
export async function watchKeyDerivation(page: Page): Promise<void> {
  await page.evaluate(NAME_HELPER);
  await page.evaluate(() => {
    const w = window as ProbeWindow & { Worker: typeof Worker };
    if (w.__citizenKdf) return;
    const clock = { startedAt: [] as number[], endedAt: [] as number[] };
    w.__citizenKdf = clock;
    const Original = w.Worker;
    const kdfWorkers = new WeakSet<Worker>();
    w.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (String(url).includes('kdf-worker')) {
          kdfWorkers.add(this);
          clock.startedAt.push(performance.now());
        }
      }
    };
    const terminate = Original.prototype.terminate;
    Original.prototype.terminate = function (this: Worker) {
      if (kdfWorkers.has(this)) clock.endedAt.push(performance.now());
      terminate.call(this);
    };
  });
}

/** The last key derivation the page ran: its start and end in page time. */
export async function lastKeyDerivation(page: Page): Promise<{ startedAt: number; endedAt: number } | null> {
  return page.evaluate(() => {
    const clock = (window as ProbeWindow).__citizenKdf;
    const startedAt = clock?.startedAt.at(-1);
    const endedAt = clock?.endedAt.at(-1);
    return startedAt !== undefined && endedAt !== undefined && endedAt >= startedAt ? { startedAt, endedAt } : null;
  });
}
