/** The money section's reloads: one load serves every request made after the last change. */
import { describe, expect, it } from 'vitest';
import { LoadQueue } from '../../src/ui/money/load-queue';

/** A load that finishes when the test says so, and records which change it saw. */
function loads() {
  let version = 0;
  const started: number[] = [];
  const finish: (() => void)[] = [];
  const work = () =>
    new Promise<void>((done) => {
      started.push(version);
      finish.push(done);
    });
  return { started, finish, work, change: () => version++ };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LoadQueue', () => {
  it('joins a running load that began after the last change (a change event and the import both asking)', async () => {
    const queue = new LoadQueue();
    const l = loads();
    queue.changed();
    const first = queue.load(l.work);
    const second = queue.load(l.work);
    await tick();
    expect(l.started).toHaveLength(1);
    l.finish[0]!();
    await Promise.all([first, second]);
    expect(l.started).toHaveLength(1);
  });

  it('after a change, loads again once the running load is done: the data shown is never older than the change', async () => {
    const queue = new LoadQueue();
    const l = loads();
    const first = queue.load(l.work);
    await tick();
    l.change();
    queue.changed();
    const second = queue.load(l.work);
    const third = queue.load(l.work);
    await tick();
    // The second waits for the first rather than running beside it.
    expect(l.started).toEqual([0]);
    l.finish[0]!();
    await first;
    await tick();
    expect(l.started).toEqual([0, 1]);
    l.finish[1]!();
    await Promise.all([second, third]);
    expect(l.started).toEqual([0, 1]);
  });

  it('a failed load does not stop the next one', async () => {
    const queue = new LoadQueue();
    const failed = queue.load(() => Promise.reject(new Error('gone')));
    queue.changed();
    let ran = false;
    const next = queue.load(async () => {
      ran = true;
    });
    await expect(failed).rejects.toThrow('gone');
    await next;
    expect(ran).toBe(true);
  });
});
