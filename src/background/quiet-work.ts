/**
 * Work nobody is waiting for (rebuilding the reminder alarms after an unlock) held back until the
 * background has been quiet for a moment: no request in progress, and none for `quietMs`. At
 * unlock the page asks for its first screen in a few small reads; reading every dated record for
 * the reminders at the same moment put those reads behind megabytes of IndexedDB pages, which
 * tripled the wait for *Now* at 64,000 records. `maxWaitMs` keeps a busy page from postponing
 * the work for ever.
 */
import { bestEffort } from '../shared/best-effort';

export interface QuietWorkOptions {
  /** How long the background must be idle before held work runs. */
  quietMs: number;
  /** Held work runs at the latest this long after it was first scheduled, busy or not. */
  maxWaitMs: number;
}

interface Held {
  work: () => Promise<void>;
  why: string;
}

export class QuietWork {
  private inProgress = 0;
  private quietTimer: ReturnType<typeof setTimeout> | null = null;
  private deadline: ReturnType<typeof setTimeout> | null = null;
  private readonly held = new Map<string, Held>();

  constructor(private readonly options: QuietWorkOptions) {}

  /** Holds back the held work while `request` runs; returns what it returns. */
  async during<T>(request: () => Promise<T>): Promise<T> {
    this.inProgress++;
    this.stopQuietTimer();
    try {
      return await request();
    } finally {
      this.inProgress--;
      this.startQuietTimer();
    }
  }

  /**
   * Runs `work` once the background is quiet. Work scheduled again under the same `key` before it
   * ran runs once (an unlock and a restart both ask for the same rebuild). `why` says why its
   * failure may be ignored, as for `bestEffort`.
   */
  schedule(key: string, work: () => Promise<void>, why: string): void {
    this.held.set(key, { work, why });
    this.deadline ??= setTimeout(() => void this.run(), this.options.maxWaitMs);
    this.startQuietTimer();
  }

  private startQuietTimer(): void {
    this.stopQuietTimer();
    if (this.inProgress > 0 || this.held.size === 0) return;
    this.quietTimer = setTimeout(() => void this.run(), this.options.quietMs);
  }

  private stopQuietTimer(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = null;
  }

  private async run(): Promise<void> {
    this.stopQuietTimer();
    if (this.deadline) clearTimeout(this.deadline);
    this.deadline = null;
    const jobs = [...this.held.values()];
    this.held.clear();
    for (const job of jobs) await bestEffort(Promise.resolve().then(job.work), job.why);
  }
}
