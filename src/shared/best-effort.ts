/**
 * Work whose failure must not fail its caller, said out loud at the call site. A failure is not
 * hidden: it is reported by the error's name and code only (a message could carry personal data),
 * as a warning when it looks like a programming error, so tests and the console still show it.
 */

/** Programming errors: wrong types, missing names, bad arguments. */
const PROGRAMMING_ERRORS = new Set(['TypeError', 'ReferenceError', 'SyntaxError', 'RangeError']);

// src/shared has no DOM or Node types: the console is reached as what every runtime here has.
type Report = (...parts: unknown[]) => void;
const reporter = (globalThis as { console?: { warn: Report; debug: Report } }).console;

function report(why: string, error: unknown): void {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  const label = `${typeof name === 'string' ? name : typeof error}${typeof code === 'string' ? ` ${code}` : ''}`;
  const loud = typeof name === 'string' && PROGRAMMING_ERRORS.has(name);
  (loud ? reporter?.warn : reporter?.debug)?.(`Ignored a failure (${why}): ${label}`);
}

/**
 * Waits for `work` and never rejects; `why` says why its failure may be ignored there, e.g.
 * `bestEffort(log.append(event), 'the log never fails the action')`. Absent work (`undefined`,
 * an optional dependency) resolves at once.
 */
export function bestEffort(work: PromiseLike<unknown> | undefined, why: string): Promise<void> {
  return Promise.resolve(work).then(
    () => undefined,
    (error: unknown) => report(why, error),
  );
}

/**
 * For a queue of work: settles when `work` does and never rejects, without a report, because
 * `work`'s own caller gets its outcome (the queue only waits for its turn).
 */
export const settled = (work: PromiseLike<unknown>): Promise<void> =>
  Promise.resolve(work).then(
    () => undefined,
    () => undefined,
  );
