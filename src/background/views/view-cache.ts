/**
 * The decoded records the long views read, kept in the background's memory while the vault is
 * unlocked, so opening a view answers a window of it without decrypting whole kinds again.
 *
 * Contract:
 * - `read(profileId, kinds)` answers every kind named as it is now: one `groupVersions` read (the
 *   top manifest) per call, and only a kind whose version moved since it was held is listed
 *   again. Versions are read before the records, so a write landing in between leaves the held
 *   version behind, never ahead: the next call reads that kind again. Nothing stale is answered.
 * - `derive(profileId, key, kinds, compute)` answers a model computed from those kinds, computed
 *   again only when one of their versions moved. `compute` must be pure and must not call the
 *   cache (calls for a profile are queued: it would wait for itself); the answer is shared by
 *   every caller until then, so callers never change it. A profile keeps the last
 *   `DERIVED_PER_PROFILE` models (least recently used go first).
 * - Damaged records are carried as `RecordStore.list` reports them, with the kind they belong to.
 * - Versions are read once and then followed by the vault's own write events: while no write
 *   touched a kind since its version was read, the held version is its version now, and a call
 *   that finds every kind it needs held reads nothing from IndexedDB. (A page changed outside
 *   Handlerum while the vault is open is found at the next unlock, as docs/security.md says.)
 * - Calls a page waits for (`read`, `derive`) run one after another per profile, so a burst of
 *   requests lists a kind once. Warm-up work (`warm`) runs a step at a time (one kind, or one
 *   model), started only while no such call is queued or running, nor ended within
 *   `WARM_AFTER_QUIET_MS`. A step works in slices (a kind is decoded, a model computed, a part at
 *   a time, see `Pace`) and yields to the event loop between them, behind every task waiting
 *   (a page's message, an API's reply); while a page's call is queued or running, the step waits
 *   at its next slice and goes on once the calls are done. So a click waits for at most one slice
 *   of a view nobody asked for yet. A kind (or model) that is being
 *   listed (or made) when another call needs it at the same version is waited for, not done
 *   twice; the step making it then no longer waits for the calls (one of them waits for it).
 * - Everything goes when the vault locks, and a profile's part with `forget` (profile deleted);
 *   a read that was under way when the vault locked stores nothing, and a step or call that
 *   yields across the lock ends at its next slice with `locked`.
 * - Lists are held only for the kinds some view asked for; the memory is the decoded records of
 *   those kinds (plus the models derived from them), which the page held itself before.
 */
import type { KindData, RecordKind } from '../../records/kind';
import { VaultError } from '../../vault/errors';
import type { DamagedRecord, RecordList, RecordStore, Vault } from '../../vault/index';

/** Models kept per profile: a view's own models and a few case pages. */
export const DERIVED_PER_PROFILE = 24;
/**
 * How long the pages' calls must have been quiet before a warm-up step starts: opening a view
 * is a burst of calls (its first page, then the rows' neighbours), and a step started between
 * them would share the background's one thread with the rest of the burst.
 */
export const WARM_AFTER_QUIET_MS = 300;
/** How long a slice of a model's computation runs before it yields (see `Pace`). */
export const SLICE_MS = 8;

/**
 * Called by long work between parts of it: yields to the event loop once the slice has run
 * `SLICE_MS` (always, with `{ yield: true }`), and then, for warm-up work no page waits for,
 * waits while a page's call is queued or running. Throws `locked` when the vault locked meanwhile.
 */
export type Pace = (options?: { yield: boolean }) => Promise<void>;

/** The kinds asked for, as read at `versions`. */
export interface HeldLists {
  readonly versions: Readonly<Record<string, number>>;
  /** One kind's records; throws for a kind that was not asked for. */
  of<K extends RecordKind>(kind: K): RecordList<KindData<K>>;
  /** The records of every kind asked for that could not be read. */
  readonly damaged: readonly DamagedRecord[];
}

interface HeldKind {
  version: number;
  /** The kind's write count (`ViewCache.writes`) when its version was read. */
  writes: number;
  list: RecordList;
}

interface Derived {
  stamp: string;
  value: unknown;
}

interface ProfileHeld {
  kinds: Map<string, HeldKind>;
  /** In order of last use, oldest first (a Map keeps insertion order). */
  derived: Map<string, Derived>;
}

/** Who waits for a call: a page (`asked`), or nobody yet (`warming`, done when nothing is asked). */
type Lane = 'asked' | 'warming';

interface Queue {
  /** The lane whose call is under way, per lane. */
  busy: Record<Lane, boolean>;
  /** When the last asked call ended (performance.now()). */
  lastAsked: number;
  /** Set while a warm-up step waits for the calls to be quiet. */
  quiet: ReturnType<typeof setTimeout> | undefined;
  asked: (() => Promise<void>)[];
  warming: (() => Promise<void>)[];
}

/** Work under way, shared by every call that needs it; `wanted` once a page's call waits for it. */
interface Underway {
  promise: Promise<unknown>;
  wanted: boolean;
}

/**
 * How a model is computed: from the lists held; long computations call `pace` between parts
 * (see `Pace`), short ones may ignore it.
 */
export type Compute<T> = (lists: HeldLists, pace: Pace) => T | Promise<T>;

/** A model of the records of `kinds`, held under `key` (see `derive`), and made ahead by `warm`. */
export interface ModelSpec<T> {
  key: string;
  kinds: readonly RecordKind[];
  compute: Compute<T>;
}

/** A macrotask: a message that arrived meanwhile is handled before the work goes on (no timer clamping). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The Prioritized Task Scheduling API, where the runtime has it (Chromium's service worker does). */
interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>;
}
const taskScheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;

/**
 * A turn of the event loop taken behind everything else that is waiting: a page's message, an
 * extension API's reply, an IndexedDB result. Opening a view is a chain of such hops (the message
 * is handed over, the idle timer noted, the versions read), and a warm-up that took its turns as
 * plain tasks made each hop wait for a slice: a click waited for a whole model nobody asked for.
 */
const turnBehindOthers: () => Promise<void> =
  typeof taskScheduler?.postTask === 'function' ? () => taskScheduler.postTask!(() => undefined, { priority: 'background' }) : nextTask;

const stampOf = (versions: Readonly<Record<string, number>>, kinds: readonly RecordKind[]): string =>
  kinds.map((kind) => `${kind.name}@${versions[kind.name]}`).join(' ');

export class ViewCache {
  private readonly profiles = new Map<string, ProfileHeld>();
  private readonly queues = new Map<string, Queue>();
  /** Kinds being listed and models being made, by epoch, profile, name and versions. */
  private readonly underway = new Map<string, Underway>();
  /** Moves on every clear: a read begun before it stores nothing after it. */
  private epoch = 0;
  /** Pages' calls queued or running, over all profiles: warm-up work waits while there are any. */
  private asking = 0;
  /** Warm-up work waiting for the pages' calls to end. */
  private waiting: (() => void)[] = [];
  /** Writes seen per profile and kind (`RecordStore.onChange`) since the cache was made. */
  private readonly writes = new Map<string, number>();
  /** The record store whose writes are followed (a new one comes with every unlock). */
  private watched: { store: RecordStore; stop: () => void } | null = null;
  /** Kinds listed from the vault since the cache was made (for tests and benches). */
  listed = 0;

  constructor(
    private readonly vault: Vault,
    private readonly warmAfterQuietMs = WARM_AFTER_QUIET_MS,
  ) {
    vault.onLock(() => this.clear());
  }

  /** The records of `kinds` in the profile, as they are now. */
  read(profileId: string, kinds: readonly RecordKind[]): Promise<HeldLists> {
    return this.queued(profileId, 'asked', () => this.current(profileId, 'asked', kinds));
  }

  /** A model of the records of `kinds`, computed once per version of them (see the contract above). */
  derive<T>(profileId: string, key: string, kinds: readonly RecordKind[], compute: Compute<T>): Promise<T> {
    return this.queued(profileId, 'asked', () => this.made(profileId, 'asked', key, kinds, compute));
  }

  /** `derive` of a model described once (the view that asks and the warm-up share it). */
  model<T>(profileId: string, spec: ModelSpec<T>): Promise<T> {
    return this.derive(profileId, spec.key, spec.kinds, spec.compute);
  }

  /**
   * Makes `models` in their order while nothing is asked: each kind is read as a step of its own,
   * then each model; no step starts while a page's call is queued or under way, and a step under
   * way waits at its next slice for the calls to end. Settles when every step is done, rejected if
   * one failed (the others still run; a view reads what it needs when it opens).
   */
  async warm(profileId: string, models: readonly ModelSpec<unknown>[]): Promise<void> {
    const epoch = this.epoch;
    // A step queued before the vault locked does nothing after it.
    const step = (work: () => Promise<unknown>) =>
      this.queued(profileId, 'warming', async () => {
        if (epoch === this.epoch) await work();
      });
    const steps: Promise<void>[] = [];
    const kinds = new Set<string>();
    for (const { key, kinds: needed, compute } of models) {
      for (const kind of needed) {
        if (kinds.has(kind.name)) continue;
        kinds.add(kind.name);
        steps.push(step(() => this.current(profileId, 'warming', [kind])));
      }
      steps.push(step(() => this.made(profileId, 'warming', key, needed, compute)));
    }
    await Promise.all(steps);
  }

  private async made<T>(profileId: string, lane: Lane, key: string, kinds: readonly RecordKind[], compute: Compute<T>): Promise<T> {
    const lists = await this.current(profileId, lane, kinds);
    const stamp = stampOf(lists.versions, kinds);
    const held = this.profiles.get(profileId);
    const found = held?.derived.get(key);
    if (found && found.stamp === stamp) {
      // Most recently used goes last.
      held!.derived.delete(key);
      held!.derived.set(key, found);
      return found.value as T;
    }
    const value = await this.once(`${profileId} model ${key} ${stamp}`, lane, async (pace) => compute(lists, pace));
    if (held && this.profiles.get(profileId) === held) {
      held.derived.delete(key);
      held.derived.set(key, { stamp, value });
      while (held.derived.size > DERIVED_PER_PROFILE) held.derived.delete(held.derived.keys().next().value!);
    }
    return value;
  }

  /** Lets go of one profile (it was deleted). */
  forget(profileId: string): void {
    this.profiles.delete(profileId);
  }

  /** Lets go of everything (the vault locked). */
  clear(): void {
    this.epoch++;
    this.profiles.clear();
    this.queues.clear();
    this.underway.clear();
    this.watched?.stop();
    this.watched = null;
    // Work waiting for the calls goes on, finds the lock, and ends.
    this.wake();
  }

  /**
   * `work`'s answer, shared with a call that needs the same (`what`) while it is under way. The
   * work gets its `Pace`; once a page's call needs it, it no longer waits for the calls.
   */
  private once<T>(what: string, lane: Lane, work: (pace: Pace) => Promise<T>): Promise<T> {
    const key = `${this.epoch} ${what}`;
    const found = this.underway.get(key);
    if (found) {
      if (lane === 'asked' && !found.wanted) {
        found.wanted = true;
        this.wake();
      }
      return found.promise as Promise<T>;
    }
    const underway: Underway = { promise: Promise.resolve(), wanted: lane === 'asked' };
    const running = work(this.pace(underway));
    underway.promise = running;
    this.underway.set(key, underway);
    const done = () => void (this.underway.get(key) === underway && this.underway.delete(key));
    running.then(done, done);
    return running;
  }

  /** The `Pace` of one piece of work (see its type). */
  private pace(work: Underway): Pace {
    const epoch = this.epoch;
    let sliceStarted = performance.now();
    return async (options) => {
      if (!options?.yield && performance.now() - sliceStarted < SLICE_MS) return;
      // Work a page waits for takes its turn as the messages do; warm-up work only once they are done.
      await (work.wanted ? nextTask() : turnBehindOthers());
      while (epoch === this.epoch && !work.wanted && this.asking > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
      if (epoch !== this.epoch) throw new VaultError('locked');
      sliceStarted = performance.now();
    };
  }

  /** Lets waiting warm-up work look again whether it may go on. */
  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private queued<T>(profileId: string, lane: Lane, work: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(profileId);
    if (!queue)
      this.queues.set(profileId, (queue = { busy: { asked: false, warming: false }, lastAsked: -Infinity, quiet: undefined, asked: [], warming: [] }));
    if (lane === 'asked') this.asking++;
    const done = new Promise<T>((resolve, reject) => queue[lane].push(() => Promise.resolve().then(work).then(resolve, reject)));
    if (lane === 'asked') {
      const asked = () => {
        if (--this.asking === 0) this.wake();
      };
      done.then(asked, asked);
    }
    this.next(queue);
    return done;
  }

  /**
   * Starts the queue's next calls: an asked one when none is under way, a warm-up step when
   * nothing is asked and the asked calls have been quiet for `warmAfterQuietMs`.
   */
  private next(queue: Queue): void {
    const start = (lane: Lane, work: () => Promise<void>) => {
      queue.busy[lane] = true;
      // `work` settles its caller's promise and never rejects itself.
      void work().then(() => {
        queue.busy[lane] = false;
        if (lane === 'asked') queue.lastAsked = performance.now();
        this.next(queue);
      });
    };
    if (!queue.busy.asked && queue.asked.length) start('asked', queue.asked.shift()!);
    if (queue.busy.warming || queue.busy.asked || queue.quiet !== undefined || !queue.warming.length) return;
    const wait = queue.lastAsked + this.warmAfterQuietMs - performance.now();
    if (wait <= 0) start('warming', queue.warming.shift()!);
    else
      queue.quiet = setTimeout(() => {
        queue.quiet = undefined;
        this.next(queue);
      }, wait);
  }

  /** Follows the writes of the vault's record store of now (see the contract above). */
  private watch(store: RecordStore): void {
    if (this.watched?.store === store) return;
    this.watched?.stop();
    const stop = store.onChange((changes) => {
      for (const { profileId, kind } of changes) this.writes.set(`${profileId} ${kind}`, this.writesTo(profileId, kind) + 1);
    });
    this.watched = { store, stop };
  }

  private writesTo(profileId: string, kind: string): number {
    return this.writes.get(`${profileId} ${kind}`) ?? 0;
  }

  private async current(profileId: string, lane: Lane, kinds: readonly RecordKind[]): Promise<HeldLists> {
    const epoch = this.epoch;
    const records = this.vault.records;
    this.watch(records);
    let held = this.profiles.get(profileId);
    // Counted before the versions are read: a write after that makes them untrusted.
    const writes = new Map(kinds.map((kind) => [kind.name, this.writesTo(profileId, kind.name)]));
    const trusted = kinds.every((kind) => held?.kinds.get(kind.name)?.writes === writes.get(kind.name));
    const versions = trusted
      ? Object.fromEntries(kinds.map((kind) => [kind.name, held!.kinds.get(kind.name)!.version]))
      : await records.groupVersions(profileId, kinds);
    held = this.profiles.get(profileId);
    if (!held) {
      held = { kinds: new Map<string, HeldKind>(), derived: new Map<string, Derived>() };
      // Kept only if no lock came while the versions were read; a lock later lets go of it.
      if (epoch === this.epoch) this.profiles.set(profileId, held);
    }
    const answer = new Map<string, RecordList>();
    for (const kind of kinds) {
      const version = versions[kind.name]!;
      let entry = held.kinds.get(kind.name);
      if (!entry || entry.version !== version) {
        // An empty group has nothing to decrypt.
        const list =
          version === 0
            ? { records: [], damaged: [] }
            : await this.once(`${profileId} kind ${kind.name} ${version}`, lane, (pace) => {
                this.listed += 1;
                return records.listByName(profileId, kind.name, () => pace({ yield: true }));
              });
        entry = { version, writes: writes.get(kind.name)!, list };
        held.kinds.set(kind.name, entry);
      } else {
        // The same version, read again (or trusted): it stands as of the count taken before.
        entry.writes = writes.get(kind.name)!;
      }
      answer.set(kind.name, entry.list);
    }
    return {
      versions,
      damaged: [...answer.values()].flatMap((list) => list.damaged),
      of: <K extends RecordKind>(kind: K) => {
        const list = answer.get(kind.name);
        if (!list) throw new RangeError(`kind ${kind.name} was not asked for`);
        // The store checked each record against this kind's schema when it was written.
        return list as RecordList<KindData<K>>;
      },
    };
  }
}
