/**
 * Reloads of a list, one at a time and only when needed: a load asked for while one that started
 * after the last change is running joins it; one asked for after a change waits for the running
 * one and then starts afresh, so the last data shown is never older than the last change.
 */
export class LoadQueue {
  private changes = 0;
  private current: { after: number; done: Promise<void> } | null = null;

  /** A load is under way (its data may be older than a write that ends meanwhile). */
  get busy(): boolean {
    return this.current !== null;
  }

  /** The data changed: the next load must start after this. */
  changed(): void {
    this.changes++;
  }

  load(work: () => Promise<void>): Promise<void> {
    const running = this.current;
    if (running && running.after === this.changes) return running.done;
    const start = () => work();
    const entry = { after: this.changes, done: (running?.done ?? Promise.resolve()).then(start, start) };
    this.current = entry;
    const forget = () => {
      if (this.current === entry) this.current = null;
    };
    entry.done.then(forget, forget);
    return entry.done;
  }
}
