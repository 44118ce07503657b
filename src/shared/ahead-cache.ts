/**
 * Answers asked for ahead of the citizen: a view fetches the pages next to the one shown, so a
 * step to them is drawn from memory instead of a round trip. A few answers are held, each asked
 * once; a failed one is forgotten and asked again when it is wanted. What is held is never
 * checked again: a view makes a new cache when its data changes.
 */
import { bestEffort } from './best-effort';

export class AheadCache<A, V> {
  private readonly held = new Map<string, Promise<V>>();

  /** `fetch` answers `args`; `keyOf` names them; at most `size` answers are held (the oldest go first). */
  constructor(
    private readonly fetch: (args: A) => Promise<V>,
    private readonly keyOf: (args: A) => string,
    private readonly size = 8,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be an integer ≥ 1, got ${size}`);
  }

  /** The answer for `args`: the one held, or fetched now (and held). */
  get(args: A): Promise<V> {
    const key = this.keyOf(args);
    const found = this.held.get(key);
    if (found) {
      // Most recently used goes last.
      this.held.delete(key);
      this.held.set(key, found);
      return found;
    }
    const answer = this.fetch(args);
    this.held.set(key, answer);
    // A failure reaches whoever waits for it; only the held answer is dropped, to be asked again.
    answer.then(undefined, () => this.held.get(key) === answer && this.held.delete(key));
    while (this.held.size > this.size) this.held.delete(this.held.keys().next().value!);
    return answer;
  }

  /** Fetches `args` now unless held, for a step the citizen may take next. */
  ahead(args: A): void {
    if (!this.held.has(this.keyOf(args))) void bestEffort(this.get(args), 'an answer fetched ahead is asked for again when wanted');
  }
}
