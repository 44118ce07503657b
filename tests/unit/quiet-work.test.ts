import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietWork } from '../../src/background/quiet-work';
import { VaultError } from '../../src/vault/errors';

const QUIET_MS = 2_000;
const MAX_WAIT_MS = 15_000;

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A request that stays in progress until `finish` is called. */
function openRequest() {
  let finish!: () => void;
  const done = new Promise<string>((resolve) => (finish = () => resolve('answer')));
  return { done, finish };
}

describe('QuietWork', () => {
  it('runs held work once the background has been idle for the quiet time, not before', async () => {
    const quiet = new QuietWork({ quietMs: QUIET_MS, maxWaitMs: MAX_WAIT_MS });
    const work = vi.fn(async () => {});
    quiet.schedule('reminders', work, 'test');
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1);
    expect(work).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('waits while a request is in progress, and the quiet time again after it ends', async () => {
    const quiet = new QuietWork({ quietMs: QUIET_MS, maxWaitMs: MAX_WAIT_MS });
    const work = vi.fn(async () => {});
    const request = openRequest();
    const answered = quiet.during(() => request.done);
    quiet.schedule('reminders', work, 'test');
    await vi.advanceTimersByTimeAsync(QUIET_MS * 3);
    expect(work).not.toHaveBeenCalled();
    request.finish();
    await expect(answered).resolves.toBe('answer');
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1);
    expect(work).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('starts the quiet time again at each request, as the first screen asks in several round trips', async () => {
    const quiet = new QuietWork({ quietMs: QUIET_MS, maxWaitMs: MAX_WAIT_MS });
    const work = vi.fn(async () => {});
    quiet.schedule('reminders', work, 'test');
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(QUIET_MS / 2);
      await quiet.during(async () => 'listProfiles');
    }
    expect(work).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs held work at the latest after the longest wait, even while requests keep coming', async () => {
    const quiet = new QuietWork({ quietMs: QUIET_MS, maxWaitMs: MAX_WAIT_MS });
    const work = vi.fn(async () => {});
    const request = openRequest();
    void quiet.during(() => request.done);
    quiet.schedule('reminders', work, 'test');
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS - 1);
    expect(work).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledTimes(1);
    request.finish();
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS * 2);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs work scheduled twice under one key once, the latest', async () => {
    const quiet = new QuietWork({ quietMs: QUIET_MS, maxWaitMs: MAX_WAIT_MS });
    const first = vi.fn(async () => {});
    const second = vi.fn(async () => {});
    const other = vi.fn(async () => {});
    quiet.schedule('reminders', first, 'test');
    quiet.schedule('reminders', second, 'test');
    quiet.schedule('other', other, 'test');
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(other).toHaveBeenCalledTimes(1);
  });

  it('reports a failed job without stopping the next, and never fails a request', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const quiet = new QuietWork({ quietMs: QUIET_MS, maxWaitMs: MAX_WAIT_MS });
    const after = vi.fn(async () => {});
    quiet.schedule('reminders', () => Promise.reject(new VaultError('locked')), 'rebuilt on the next unlock');
    quiet.schedule('other', after, 'test');
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(after).toHaveBeenCalledTimes(1);
    expect(debug).toHaveBeenCalledWith('Ignored a failure (rebuilt on the next unlock): VaultError locked');
    await expect(quiet.during(() => Promise.reject(new VaultError('bad-request')))).rejects.toMatchObject({ code: 'bad-request' });
  });
});
