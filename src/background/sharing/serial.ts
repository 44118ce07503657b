/**
 * Tasks that must run one after another (each needs what the one before wrote). A task's
 * failure reaches its own caller; the queue only waits for it, so one failure does not stop
 * the tasks after it.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task);
    this.tail = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }
}
