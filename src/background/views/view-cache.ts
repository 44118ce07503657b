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
 * - Calls a page waits for (`read`, `derive`) run one after another per profile, so a burst of
 *   requests lists a kind once. Warm-up work (`warm`) runs a step at a time (one kind, or one
 *   model) only while no such call is queued or running, nor ended within `WARM_AFTER_QUIET_MS`;
 *   a call does not wait for the warm-up step under way either, so a click never queues behind a
 *   view nobody asked for yet. A kind (or model) that is being listed (or made) when another
 *   call needs it at the same version is waited for, not done twice.
 * - Everything goes when the vault locks, and a profile's part with `forget` (profile deleted);
 *   a read that was under way when the vault locked stores nothing.
 * - Lists are held only for the kinds some view asked for; the memory is the decoded records of
 *   those kinds (plus the models derived from them), which the page held itself before.
 */
import type { KindData, RecordKind } from '../../records/kind';
import type { DamagedRecord, RecordList, Vault } from '../../vault/index';

/** Models kept per profile: a view's own models and a few case pages. */
export const DERIVED_PER_PROFILE = 24;
/**
 * How long the pages' calls must have been quiet before a warm-up step starts: opening a view
 * is a burst of calls (its first page, then the rows' neighbours), and a step started between
 * them would share the background's one thread with the rest of the burst.
 */
export const WARM_AFTER_QUIET_MS = 300;

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

/** A model of the records of `kinds`, held under `key` (see `derive`), and made ahead by `warm`. */
export interface ModelSpec<T> {
  key: string;
  kinds: readonly RecordKind[];
  compute: (lists: HeldLists) => T | Promise<T>;
}

const stampOf = (versions: Readonly<Record<string, number>>, kinds: readonly RecordKind[]): string =>
  kinds.map((kind) => `${kind.name}@${versions[kind.name]}`).join(' ');

export class ViewCache {
  private readonly profiles = new Map<string, ProfileHeld>();
  private readonly queues = new Map<string, Queue>();
  /** Kinds being listed and models being made, by epoch, profile, name and versions. */
  private readonly underway = new Map<string, Promise<unknown>>();
  /** Moves on every clear: a read begun before it stores nothing after it. */
  private epoch = 0;
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
    return this.queued(profileId, 'asked', () => this.current(profileId, kinds));
  }

  /** A model of the records of `kinds`, computed once per version of them (see the contract above). */
  derive<T>(profileId: string, key: string, kinds: readonly RecordKind[], compute: (lists: HeldLists) => T | Promise<T>): Promise<T> {
    return this.queued(profileId, 'asked', () => this.made(profileId, key, kinds, compute));
  }

  /** `derive` of a model described once (the view that asks and the warm-up share it). */
  model<T>(profileId: string, spec: ModelSpec<T>): Promise<T> {
    return this.derive(profileId, spec.key, spec.kinds, spec.compute);
  }

  /**
   * Makes `models` in their order while nothing is asked: each kind is read as a step of its own,
   * then each model, and no step starts while a page's call is queued or under way. Settles when
   * every step is done, rejected if one failed (the others still run; a view reads what it needs
   * when it opens).
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
        steps.push(step(() => this.current(profileId, [kind])));
      }
      steps.push(step(() => this.made(profileId, key, needed, compute)));
    }
    await Promise.all(steps);
  }

  private async made<T>(profileId: string, key: string, kinds: readonly RecordKind[], compute: (lists: HeldLists) => T | Promise<T>): Promise<T> {
    const lists = await this.current(profileId, kinds);
    const stamp = stampOf(lists.versions, kinds);
    const held = this.profiles.get(profileId);
    const found = held?.derived.get(key);
    if (found && found.stamp === stamp) {
      // Most recently used goes last.
      held!.derived.delete(key);
      held!.derived.set(key, found);
      return found.value as T;
    }
    const value = await this.once(`${profileId} model ${key} ${stamp}`, async () => compute(lists));
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
  }

  /** `work`'s answer, shared with a call that needs the same (`what`) while it is under way. */
  private once<T>(what: string, work: () => Promise<T>): Promise<T> {
    const key = `${this.epoch} ${what}`;
    const found = this.underway.get(key) as Promise<T> | undefined;
    if (found) return found;
    const running = work();
    this.underway.set(key, running);
    const done = () => void (this.underway.get(key) === running && this.underway.delete(key));
    running.then(done, done);
    return running;
  }

  private queued<T>(profileId: string, lane: Lane, work: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(profileId);
    if (!queue)
      this.queues.set(profileId, (queue = { busy: { asked: false, warming: false }, lastAsked: -Infinity, quiet: undefined, asked: [], warming: [] }));
    const done = new Promise<T>((resolve, reject) => queue[lane].push(() => Promise.resolve().then(work).then(resolve, reject)));
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

  private async current(profileId: string, kinds: readonly RecordKind[]): Promise<HeldLists> {
    const epoch = this.epoch;
    const records = this.vault.records;
    const versions = await records.groupVersions(profileId, kinds);
    let held = this.profiles.get(profileId);
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
            : await this.once(`${profileId} kind ${kind.name} ${version}`, () => {
                this.listed += 1;
                return records.listByName(profileId, kind.name);
              });
        entry = { version, list };
        held.kinds.set(kind.name, entry);
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
