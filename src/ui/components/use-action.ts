/** Runs one user action at a time, with its progress text, success text and plain-language error. */
import { useCallback, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../errors';

export interface Action {
  busy: string | null;
  done: string | null;
  error: string | null;
  /** Runs `work` unless another run is in progress; returns its result, or undefined on failure. */
  run<T>(busyText: string, work: () => Promise<T>, doneText?: string | ((result: T) => string)): Promise<T | undefined>;
  fail(message: string | null): void;
  reset(): void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);

  const run = useCallback(async <T>(busyText: string, work: () => Promise<T>, doneText?: string | ((result: T) => string)) => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(busyText);
    setDone(null);
    setError(null);
    try {
      const result = await work();
      setDone(typeof doneText === 'function' ? doneText(result) : (doneText ?? null));
      return result;
    } catch (caught) {
      setError(errorMessage(caught));
      return undefined;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);

  const fail = useCallback((message: string | null) => {
    setDone(null);
    setError(message);
  }, []);
  const reset = useCallback(() => {
    setDone(null);
    setError(null);
  }, []);
  return { busy, done, error, run, fail, reset };
}
