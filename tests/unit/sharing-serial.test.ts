/** Tasks run one after another: a failure reaches its own caller and does not stop the ones after it. */
import { describe, expect, it } from 'vitest';
import { SerialQueue } from '../../src/background/sharing/serial';

describe('a serial queue', () => {
  it('runs each task only after the one before has settled, failed or not', async () => {
    const queue = new SerialQueue();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = queue.run(async () => {
      await gate;
      order.push('first');
      throw new Error('first failed');
    });
    const second = queue.run(async () => {
      order.push('second');
      return 2;
    });
    await Promise.resolve();
    expect(order).toEqual([]);
    release();
    await expect(first).rejects.toThrow('first failed');
    await expect(second).resolves.toBe(2);
    expect(order).toEqual(['first', 'second']);
  });
});
