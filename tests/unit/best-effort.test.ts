import { afterEach, describe, expect, it, vi } from 'vitest';
import { bestEffort, settled } from '../../src/shared/best-effort';
import { VaultError } from '../../src/vault/errors';

afterEach(() => vi.restoreAllMocks());

describe('bestEffort', () => {
  it('never rejects, and passes over absent work', async () => {
    await expect(bestEffort(Promise.reject(new VaultError('locked')), 'test')).resolves.toBeUndefined();
    await expect(bestEffort(undefined, 'test')).resolves.toBeUndefined();
    await expect(bestEffort(Promise.resolve(42), 'test')).resolves.toBeUndefined();
  });

  it('reports a programming error as a warning, by name only, with the reason', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await bestEffort(Promise.reject(new TypeError('Ida Hansen 010190-1234')), 'the log never fails the action');
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0]![0]);
    expect(line).toBe('Ignored a failure (the log never fails the action): TypeError');
    expect(line).not.toContain('Ida');
  });

  it('reports an expected failure quietly, by name and code', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    await bestEffort(Promise.reject(new VaultError('locked', 'detail with data')), 'nothing to postpone');
    expect(warn).not.toHaveBeenCalled();
    expect(debug.mock.calls[0]![0]).toBe('Ignored a failure (nothing to postpone): VaultError locked');
  });

  it('does not report what succeeded', async () => {
    const warn = vi.spyOn(console, 'warn');
    const debug = vi.spyOn(console, 'debug');
    await bestEffort(Promise.resolve(), 'test');
    expect(warn).not.toHaveBeenCalled();
    expect(debug).not.toHaveBeenCalled();
  });
});

describe('settled', () => {
  it('waits for the work and never rejects', async () => {
    let done = false;
    const work = new Promise<void>((_, reject) => setTimeout(() => ((done = true), reject(new Error('x'))), 5));
    await settled(work);
    expect(done).toBe(true);
    await expect(work).rejects.toThrow('x');
  });
});
