/**
 * What the long views are answered from: each kind's records decoded once, and the values derived
 * from them (a search index, a sorted list and its aggregates) built once, both kept in the
 * background while the vault is open and rebuilt only when a group version they were read at
 * has moved. Versions are read before the records, as in now-summary.ts: a write in between
 * leaves what is held behind its versions, never ahead, so the next request reads it again.
 * Everything is dropped when the vault locks, with the keys; nothing here is ever stored.
 */
import type { KindData, RecordKind } from '../records/kind';
import type { RecordList, Vault } from '../vault/index';

interface Held<T> {
  stamp: string;
  value: Promise<T>;
}

/** The versions of `kinds`, as one comparable string. */
const stampOf = (kinds: readonly RecordKind[], versions: Record<string, number>): string =>
  kinds.map((kind) => `${kind.name}@${versions[kind.name]}`).join(',');

/** Per profile, a value built from some kinds' records; built again when one of those kinds changed. */
export class Derived<T> {
  private readonly held = new Map<string, Held<T>>();

  /** `build` reads the records through `lists`, so a kind decoded for another view is not decoded again. */
  constructor(
    private readonly cache: ViewCache,
    private readonly kinds: readonly RecordKind[],
    private readonly build: (profileId: string) => Promise<T>,
  ) {
    cache.track(this);
  }

  async get(profileId: string): Promise<T> {
    const stamp = stampOf(this.kinds, await this.cache.versions(profileId, this.kinds));
    const held = this.held.get(profileId);
    if (held?.stamp === stamp) return held.value;
    const value = this.build(profileId);
    const entry = { stamp, value };
    this.held.set(profileId, entry);
    // A failed build is not kept: the next request tries again (and reports its own failure).
    value.then(undefined, () => this.held.get(profileId) === entry && this.held.delete(profileId));
    return value;
  }

  clear(): void {
    this.held.clear();
  }
}

/** The decoded lists of every kind asked for, per profile, and the values derived from them. */
export class ViewCache {
  private readonly lists = new Map<string, Held<RecordList>>();
  private readonly derived = new Set<{ clear(): void }>();

  constructor(private readonly vault: Vault) {
    vault.onLock(() => this.clear());
  }

  versions(profileId: string, kinds: readonly RecordKind[]): Promise<Record<string, number>> {
    return this.vault.records.groupVersions(profileId, kinds);
  }

  /** The records of `kind`, decoded once per version of its group. */
  async list<K extends RecordKind>(profileId: string, kind: K): Promise<RecordList<KindData<K>>> {
    const stamp = stampOf([kind], await this.versions(profileId, [kind]));
    const key = `${profileId}/${kind.name}`;
    const held = this.lists.get(key);
    // Held under the kind's name, so its records are of that kind's type.
    if (held?.stamp === stamp) return held.value as Promise<RecordList<KindData<K>>>;
    const value = this.vault.records.list(profileId, kind);
    const entry = { stamp, value };
    this.lists.set(key, entry);
    value.then(undefined, () => this.lists.get(key) === entry && this.lists.delete(key));
    return value;
  }

  track(derived: { clear(): void }): void {
    this.derived.add(derived);
  }

  /** Forgets every list and every value built from them (at lock). */
  clear(): void {
    this.lists.clear();
    for (const derived of this.derived) derived.clear();
  }
}
