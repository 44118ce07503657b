/**
 * Frames while the citizen holds a key down in a long view: the page counts its own frames
 * (requestAnimationFrame) while Node holds PageDown (or another key) on a list row or the month
 * grid, sending the key's auto-repeat at a keyboard's usual rate. What a held key feels like is
 * the frame rate and the longest gaps between frames, not one step's time: a step that keeps the
 * page busy for 40 ms drops two frames whatever the next step does.
 */
import type { Locator, Page } from 'playwright-core';
import { median, percentile } from './figures';

/** A keyboard's auto-repeat: about 30 keys a second (Windows' and macOS's defaults are 30–33). */
export const REPEAT_MS = 33;

export interface Frames {
  /** The key held, how many repeats were sent, and for how long. */
  key: string;
  keys: number;
  heldMs: number;
  /** Frames the page drew while the key was held, and their rate. */
  frames: number;
  fps: number;
  /** The gaps between frames, ms. */
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Gaps over 20 ms (a frame missed at 50 fps), as a share of all gaps. */
  over20: number;
  intervals: number[];
  /** Where the keys took the focus: the focused row's position (or the grid's day), so a run that moved nothing shows. */
  reached: string | null;
}

interface FrameWindow {
  __frameTimes?: number[];
  __frameStop?: boolean;
}

/** See citizen-probe.ts: tsx wraps named functions in a helper the page lacks. */
const NAME_HELPER = 'globalThis.__name ??= (fn) => fn';

/** Holds `key` on `target` (focused first) for `keys` repeats, counting the page's frames meanwhile. */
export async function holdKey(page: Page, target: Locator, key: string, keys: number): Promise<Frames> {
  await target.focus();
  await page.evaluate(NAME_HELPER);
  await page.evaluate(() => {
    const w = window as FrameWindow;
    const times: number[] = [];
    w.__frameTimes = times;
    w.__frameStop = false;
    const tick = (at: number) => {
      times.push(at);
      if (!w.__frameStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  // A held key: one keydown, then repeats (Playwright marks a second down of a held key as a repeat).
  for (let n = 0; n < keys; n++) {
    const sent = Date.now();
    await page.keyboard.down(key);
    const wait = REPEAT_MS - (Date.now() - sent);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await page.keyboard.up(key);
  const heldMs = Date.now() - started;
  const { times, reached } = await page.evaluate(() => {
    const w = window as FrameWindow;
    w.__frameStop = true;
    const at = document.activeElement;
    const reached = at?.getAttribute('aria-posinset') ?? at?.getAttribute('aria-rowindex') ?? at?.getAttribute('data-day') ?? null;
    return { times: w.__frameTimes ?? [], reached };
  });
  return { ...framesOf(key, keys, heldMs, times), reached };
}

/** The figures of a run of frame timestamps (page time, ms). */
export function framesOf(key: string, keys: number, heldMs: number, times: number[]): Omit<Frames, 'reached'> {
  const intervals = times.slice(1).map((at, i) => at - times[i]!);
  const span = times.length > 1 ? times.at(-1)! - times[0]! : 0;
  return {
    key,
    keys,
    heldMs,
    frames: times.length,
    fps: span > 0 ? (intervals.length * 1000) / span : 0,
    medianMs: intervals.length ? median(intervals) : 0,
    p95Ms: intervals.length ? percentile(intervals, 95) : 0,
    maxMs: intervals.length ? Math.max(...intervals) : 0,
    over20: intervals.length ? intervals.filter((ms) => ms > 20).length / intervals.length : 0,
    intervals,
  };
}

/** One line for the report: "57.3 fps, frame gaps median 16.7 ms, p95 33.4 ms, …". */
export const framesText = (f: Frames): string =>
  `${f.fps.toFixed(1)} fps over ${(f.heldMs / 1000).toFixed(1)} s (${f.keys} × ${f.key}); frame gaps median ${f.medianMs.toFixed(1)} ms, p95 ${f.p95Ms.toFixed(1)} ms, longest ${f.maxMs.toFixed(1)} ms; ${(f.over20 * 100).toFixed(0)} % over 20 ms; focus reached ${f.reached ?? 'n/a'}`;
