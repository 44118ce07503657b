/**
 * Answers asked for ahead of the citizen: a view fetches the pages next to the one shown, so a
 * step to them is drawn from memory instead of a round trip. A few answers are held, each asked
 * once; a failed one is forgotten and asked again when it is wanted. What is held is never
 * checked again: a view makes a new cache when its data changes.
 */
import { bestEffort } from './best-effort';

export class AheadCache<A, V> {
  private readonly held = new Map<string, Promise<V>>();
  /** The held answers that have arrived, for a view that draws them in the same frame as the input. */
  private readonly arrived = new Map<Promise<V>, V>();

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
    answer.then(
      (value) => this.held.get(key) === answer && this.arrived.set(answer, value),
      // A failure reaches whoever waits for it; only the held answer is dropped, to be asked again.
      () => this.held.get(key) === answer && this.held.delete(key),
    );
    while (this.held.size > this.size) {
      const oldest = this.held.keys().next().value!;
      this.arrived.delete(this.held.get(oldest)!);
      this.held.delete(oldest);
    }
    return answer;
  }

  /**
   * The answer for `args` if it is held and has arrived, else undefined; asks for nothing. A view
   * draws a step to an answer fetched ahead in the render the input causes, instead of asking for
   * it in an effect that runs only after the next frame.
   */
  ready(args: A): V | undefined {
    const answer = this.held.get(this.keyOf(args));
    return answer && this.arrived.get(answer);
  }

  /** Fetches `args` now unless held, for a step the citizen may take next. */
  ahead(args: A): void {
    if (!this.held.has(this.keyOf(args))) void bestEffort(this.get(args), 'an answer fetched ahead is asked for again when wanted');
  }
}
