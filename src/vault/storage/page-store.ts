/**
 * Reads and writes records as sealed pages. Knows nothing of record kinds or JSON: it stores
 * opaque byte strings under (group, id tag), and every write lands in one IndexedDB transaction,
 * which also rewrites the page manifest (page-manifest.ts) so a missing or rolled-back page is
 * seen. A bucket is a base page and a few append segments (bucket-layout.ts); every part is a
 * page. Pages are written as format 3 (page-format3.ts); formats 1 and 2 are still read.
 */
import { FrameKeyring } from '../crypto/frame-keys';
import type { VaultKeys } from '../crypto/keys';
import { storageError, VaultError } from '../errors';
import type { VaultDb } from './db';
import { bucketRange, DEFAULT_MAX_SEGMENTS, mapKey } from './bucket-layout';
import { bucketParts, isUsable, storedParts } from './bucket-parts';
import { writeGroup, type BucketChanges, type BucketWrite, type PageChange, type StoredPart } from './bucket-write';
import { KnownParts } from './known-parts';
import { BUCKETS, bucketOf, openPage, type OpenedPage, pageKeyOf, sealPage, type PageEntry, type PageRow } from './page-codec';
import { FORMAT_3, openPage3, sealPage3 } from './page-format3';
import {
  copyManifest,
  emptyManifest,
  groupManifestKey,
  MANIFEST_KEY,
  openManifest,
  pageProblem,
  sealManifest,
  type Manifest,
  type PageProblem,
  type StoredManifest,
} from './page-manifest';
import { toBase64Url } from '../../shared/base64url';
import { settled } from '../../shared/best-effort';
import { equalBytes } from '../../shared/bytes';

export interface StoredBytes {
  idTag: Uint8Array;
  bytes: Uint8Array;
}

/**
 * Something that failed its integrity check. `ref` names it without revealing anything: the
 * record's id tag (`integrity`), `page:<key>` for a page that is damaged (its own tag failed,
 * so records of it may be missing or repeated), missing, or an older copy, and `page:<group>`
 * for a group that may miss pages no manifest can name any more.
 */
export interface DamagedRef {
  group: string;
  ref: string;
  reason: DamageReason;
}

export type DamageReason = 'integrity' | 'page-damaged' | 'page-missing' | 'page-rolled-back';

const PAGE_REASONS: Record<Exclude<PageProblem, 'none'>, DamageReason> = {
  damaged: 'page-damaged',
  missing: 'page-missing',
  'rolled-back': 'page-rolled-back',
};

export interface GroupContents {
  records: StoredBytes[];
  damaged: DamagedRef[];
}

export type { PageChange } from './bucket-write';

export interface PageStoreOptions {
  /** Segments a bucket may hold besides its base (bucket-layout.ts); 0 re-seals whole buckets, as format 2 vaults were written. */
  maxSegments?: number;
  /** The format pages are written in: 3 (the default), or 2 for tests and benchmarks of vaults written before it. */
  pageFormat?: 2 | 3;
}

/** Writes from another context that land between a write's read and its commit make it start over, this many times at most. */
const WRITE_ATTEMPTS = 8;

/** What a write lands in its transaction. */
interface Landing {
  /** The top manifest to save, its write counter already advanced. */
  top: Manifest;
  version: number;
  dropGroups: readonly string[];
  /** Each group's new manifest, in the order they are saved (a dropped group first, empty). */
  groups: [string, Manifest][];
  puts: PageRow[];
  deletes: string[];
}

/** Thrown inside a write transaction to abort it when another write landed since its read. */
class WriteConflict extends Error {
  override readonly name = 'WriteConflict';
}

export class PageStore {
  private closed = false;
  private preparing: Promise<void> | null = null;
  /** Manifests last read or written, by meta key, with the stored bytes they came from. */
  private readonly cache = new Map<string, { stored: StoredManifest; manifest: Manifest }>();
  /** Parts whose rows a write need not read unless it opens them (known-parts.ts). */
  private readonly known = new KnownParts();

  private readonly maxSegments: number;
  private readonly pageFormat: 2 | 3;
  private readonly frames: FrameKeyring;
  /** The last write of this store: the next one waits for it, so writes never race each other here. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: VaultDb,
    private readonly keys: VaultKeys,
    options: PageStoreOptions = {},
  ) {
    this.maxSegments = options.maxSegments ?? DEFAULT_MAX_SEGMENTS;
    this.pageFormat = options.pageFormat ?? FORMAT_3;
    this.frames = new FrameKeyring(keys.pageFrames);
  }

  /**
   * Called when the vault locks, just before the keys are wiped. An operation still waiting on
   * IndexedDB then fails with `locked` when it resumes, instead of opening pages with zeroed keys
   * (which would report every record damaged) or sealing them with zeroed keys (which would
   * destroy them).
   */
  close(): void {
    this.closed = true;
    this.cache.clear();
    this.known.clear();
    this.frames.forget();
  }

  private requireOpen(): void {
    if (this.closed) throw new VaultError('locked');
  }

  private async open(row: PageRow): Promise<OpenedPage> {
    this.requireOpen();
    if (row.v > FORMAT_3) throw new VaultError('vault-from-newer-version', `page format ${row.v}`);
    if (row.v !== FORMAT_3) return openPage(this.keys, row);
    const opened = await openPage3(this.frames, row);
    this.requireOpen(); // locked while it was opened: its records are not handed out
    return opened;
  }

  /** A page whose record boundaries cannot be read answers for none of its records, and is not overwritten until the user discards it. */
  private async openReadable(row: PageRow): Promise<OpenedPage> {
    const opened = await this.open(row);
    if (opened.unreadable) throw new VaultError('record-damaged', pageRef(row.key));
    return opened;
  }

  private seal(key: string, group: string, version: number, entries: PageEntry[]): Promise<PageRow> {
    this.requireOpen();
    return this.pageFormat === FORMAT_3
      ? sealPage3(this.frames, key, group, version, entries)
      : Promise.resolve(sealPage(this.keys, key, group, version, entries));
  }

  /**
   * Makes sure the vault has a page manifest before its first use in this session. A vault of
   * format 1 pages gets one, its intact pages rewritten with versions, in one transaction. A top
   * manifest that is missing beside format 2 pages or group manifests, or fails its check, was
   * removed or changed: it is rebuilt with every page marked damaged and every group marked as
   * possibly missing pages, since the pages it named cannot be known.
   */
  prepare(): Promise<void> {
    this.preparing ??= this.setUp().catch((error: unknown) => {
      this.preparing = null;
      throw storageError(error);
    });
    return this.preparing;
  }

  private async setUp(): Promise<void> {
    this.known.clear();
    await this.db.transaction('rw', this.db.pages, this.db.meta, async () => {
      const found = await this.load(MANIFEST_KEY, '');
      if (typeof found !== 'string') return;
      const groupManifests = this.db.meta.where('key').startsWith(`${MANIFEST_KEY}:`);
      const rows = await this.db.pages.toArray();
      const upgrade = found === 'absent' && rows.every((row) => row.v === 1) && (await groupManifests.count()) === 0;
      this.requireOpen();
      const version = 1;
      const groups = new Map<string, Manifest>();
      const puts: PageRow[] = [];
      for (const row of rows) {
        let group = groups.get(row.group);
        if (!group) groups.set(row.group, (group = { ...emptyManifest(version), lost: !upgrade }));
        const opened = upgrade ? openPage(this.keys, row) : null; // format 1: synchronous
        if (opened && opened.intact) {
          puts.push(sealPage(this.keys, row.key, row.group, version, opened.entries));
          group.entries.set(row.key, { version, problem: 'none' });
        } else {
          group.entries.set(row.key, { version: row.version ?? 0, problem: 'damaged' });
        }
      }
      await groupManifests.delete();
      if (puts.length) await this.db.pages.bulkPut(puts);
      const top = emptyManifest(version + 1);
      for (const [group, manifest] of groups) await this.saveGroup(top, group, manifest, version);
      await this.save(MANIFEST_KEY, '', top);
    });
  }

  /** Reads a manifest inside the caller's transaction; a cached copy is used while its stored bytes are unchanged. */
  private async load(metaKey: string, scope: string): Promise<Manifest | 'absent' | 'invalid'> {
    const stored = (await this.db.meta.get(metaKey))?.value as StoredManifest | undefined;
    this.requireOpen();
    const hit = this.cache.get(metaKey);
    if (hit && stored && equalBytes(hit.stored.nonce, stored.nonce) && equalBytes(hit.stored.ciphertext, stored.ciphertext)) return hit.manifest;
    const found = openManifest(this.keys, scope, stored);
    if (stored && typeof found !== 'string') this.cache.set(metaKey, { stored, manifest: found });
    return found;
  }

  private async save(metaKey: string, scope: string, manifest: Manifest): Promise<void> {
    const stored = sealManifest(this.keys, scope, manifest);
    await this.db.meta.put({ key: metaKey, value: stored });
    this.cache.set(metaKey, { stored, manifest });
  }

  private async top(): Promise<Manifest> {
    const found = await this.load(MANIFEST_KEY, '');
    if (typeof found === 'string') {
      // Removed or changed while the vault was open: the next operation rebuilds it (prepare).
      this.preparing = null;
      this.cache.clear();
      throw new VaultError('record-damaged', 'page manifest');
    }
    this.known.readTop(this.storedTop().nonce);
    return found;
  }

  /** The stored top manifest last read or written; there is one once `top()` has succeeded. */
  private storedTop(): StoredManifest {
    return this.cache.get(MANIFEST_KEY)!.stored;
  }

  /**
   * The group's manifest, as the top manifest vouches for it. One removed, changed or of another
   * version than the top names cannot be trusted: every page found is then reported, and the
   * group marked as possibly missing pages.
   */
  private async group(top: Manifest, group: string, rows: () => Promise<PageRow[]>): Promise<Manifest> {
    const listed = top.entries.get(group);
    const found = await this.load(groupManifestKey(group), group);
    if (!listed && found === 'absent') return emptyManifest(0);
    if (listed && typeof found !== 'string' && found.version === listed.version) return found;
    const distrusted = { ...emptyManifest(0), lost: listed !== undefined };
    // Listed: the pages of a group whose manifest was tampered with. Not listed: a dropped group put back.
    for (const row of await rows()) distrusted.entries.set(row.key, { version: row.version ?? 0, problem: listed ? 'damaged' : 'rolled-back' });
    return distrusted;
  }

  /** Saves a group's manifest and names it in the top one; a group with nothing left is taken off both. */
  private async saveGroup(top: Manifest, group: string, manifest: Manifest, version: number): Promise<void> {
    const key = groupManifestKey(group);
    if (manifest.entries.size === 0 && !manifest.lost) {
      await this.db.meta.delete(key);
      this.cache.delete(key);
      top.entries.delete(group);
      return;
    }
    await this.save(key, group, { ...manifest, version });
    top.entries.set(group, { version, problem: 'none' });
  }

  private readonly groupRows = (group: string) => () => this.db.pages.where('group').equals(group).toArray();

  async readGroup(group: string): Promise<GroupContents> {
    await this.prepare();
    let rows: PageRow[];
    let manifest: Manifest;
    let readUnder: Uint8Array;
    try {
      [rows, manifest, readUnder] = await this.db.transaction('r', this.db.pages, this.db.meta, async () => {
        const rows = await this.groupRows(group)();
        const top = await this.top();
        return [rows, await this.group(top, group, async () => rows), this.storedTop().nonce] as const;
      });
    } catch (error) {
      throw storageError(error);
    }
    const pages = new Map<PageRow, OpenedPage>();
    await Promise.all(rows.map(async (row) => pages.set(row, await this.open(row))));
    this.requireOpen();
    const contents: GroupContents = { records: [], damaged: [] };
    if (manifest.lost) contents.damaged.push({ group, ref: pageRef(group), reason: 'page-missing' });
    for (const parts of bucketParts(rows, manifest).values()) {
      const opened = [...parts].map(([key, row]) => {
        const page = row ? pages.get(row)! : null;
        const listed = manifest.entries.get(key);
        const problem = pageProblem(listed, row, page?.intact ?? true);
        if (problem !== 'none') contents.damaged.push({ group, ref: pageRef(key), reason: PAGE_REASONS[problem] });
        if (problem === 'none' && row) this.known.verified(readUnder, row);
        else this.known.forget(key);
        // Which copy of a record to believe: from a sound part, one named at its version, any other.
        const rank = problem === 'none' ? 0 : isUsable(manifest, key, row) ? 1 : 2;
        return { entries: page?.entries ?? [], rank };
      });
      // A record lives in one part of its bucket, but a part that is not sound may hold a stale
      // copy of a record kept in another: such a bucket gives the best copy of each record.
      const best = opened.every((part) => part.rank === 0) ? null : new Map<string, { entry: PageEntry; rank: number }>();
      for (const { entries, rank } of opened) {
        for (const entry of entries) {
          if (entry.damaged) contents.damaged.push({ group, ref: toBase64Url(entry.idTag), reason: 'integrity' });
          else if (!best) contents.records.push({ idTag: entry.idTag, bytes: entry.bytes });
          else {
            const held = best.get(mapKey(entry.idTag));
            if (!held || rank < held.rank) best.set(mapKey(entry.idTag), { entry, rank });
          }
        }
      }
      for (const { entry } of best?.values() ?? []) contents.records.push({ idTag: entry.idTag, bytes: entry.bytes });
    }
    return contents;
  }

  /**
   * The version the top manifest names for each group, 0 for a group with no pages. Reads the
   * top manifest only: a group's version changes with every write to it, so a value derived
   * from a group can be checked against it without reading the group.
   */
  async groupVersions(groups: readonly string[]): Promise<number[]> {
    await this.prepare();
    let top: Manifest;
    try {
      top = await this.db.transaction('r', this.db.meta, () => this.top());
    } catch (error) {
      throw storageError(error);
    }
    return groups.map((group) => top.entries.get(group)?.version ?? 0);
  }

  /**
   * The record's bytes, null when absent; throws `record-damaged` when it fails its check, when
   * it is found only in a part that is missing, rolled back or not named, or when it is absent
   * from a bucket that is not sound (its absence cannot then be trusted).
   */
  async readOne(group: string, idTag: Uint8Array): Promise<Uint8Array | null> {
    await this.prepare();
    const baseKey = pageKeyOf(group, idTag);
    let rows: PageRow[];
    let manifest: Manifest;
    try {
      [rows, manifest] = await this.db.transaction('r', this.db.pages, this.db.meta, async () => {
        const rows = await this.db.pages
          .where('key')
          .inAnyRange([bucketRange(baseKey)])
          .toArray();
        return [rows, await this.group(await this.top(), group, this.groupRows(group))] as const;
      });
    } catch (error) {
      throw storageError(error);
    }
    const parts = bucketParts(rows, manifest).get(baseKey) ?? new Map<string, PageRow | undefined>();
    let unsound = manifest.lost;
    let refusedBy: string | null = null;
    let salvaged: Uint8Array | null = null;
    for (const [key, row] of parts) {
      const listed = manifest.entries.get(key);
      if (!row) {
        refusedBy ??= pageRef(key); // a missing part may have held it
        continue;
      }
      const opened = await this.openReadable(row);
      const usable = isUsable(manifest, key, row);
      const problem = pageProblem(listed, row, opened.intact);
      if (problem !== 'none' || opened.entries.some((e) => e.damaged)) unsound = true;
      // A part named at another version may have held the record in its current state.
      if (listed && !usable) refusedBy ??= pageRef(key);
      const entry = opened.entries.find((e) => equalBytes(e.idTag, idTag));
      if (!entry) continue;
      if (entry.damaged) throw new VaultError('record-damaged', toBase64Url(idTag));
      // A part named at its version holds the current copy: a write that moves or changes a
      // record re-seals every part it was in. A part that is not may hold any earlier state.
      if (!usable) refusedBy ??= pageRef(key);
      else if (problem === 'none') return entry.bytes;
      else salvaged ??= entry.bytes; // verified by its own MAC or frame; another part of its page failed
    }
    if (salvaged) return salvaged;
    if (refusedBy) throw new VaultError('record-damaged', refusedBy);
    // A damaged entry's id tag is itself unverified: the record asked for may be that entry
    // under a changed tag, so its absence from this bucket cannot be trusted.
    if (unsound) throw new VaultError('record-damaged', toBase64Url(idTag));
    return null;
  }

  /**
   * Applies every change, and drops whole groups, in one transaction: all of it lands, or none.
   * Only the parts holding a changed record are re-sealed; new records go into one new part per
   * bucket (bucket-layout.ts). A part that was not sound before keeps its problem in the manifest
   * after it is written.
   */
  async apply(changes: PageChange[], dropGroups: string[] = []): Promise<void> {
    await this.prepare();
    // By bucket number first: a page key spelled per change would cost a string each.
    const byNumber = new Map<string, (PageChange[] | undefined)[]>();
    for (const change of changes) {
      let buckets = byNumber.get(change.group);
      if (!buckets) byNumber.set(change.group, (buckets = new Array<PageChange[] | undefined>(BUCKETS)));
      (buckets[bucketOf(change.idTag)] ??= []).push(change);
    }
    const byGroup = new Map<string, Map<string, PageChange[]>>();
    for (const [group, buckets] of byNumber) {
      const keyed = new Map<string, PageChange[]>();
      buckets.forEach((list, bucket) => list && keyed.set(`${group}.${bucket}`, list));
      byGroup.set(group, keyed);
    }
    const dropped = new Set(dropGroups);
    await this.write(
      async (top) => {
        const found = new Map<string, { parts: Map<string, Map<string, StoredPart>>; manifest: Manifest }>();
        for (const [group, buckets] of byGroup) {
          // A dropped group is emptied first: its changes land in a group of their own.
          if (dropped.has(group)) found.set(group, { parts: new Map(), manifest: emptyManifest(0) });
          else {
            const manifest = await this.group(top, group, this.groupRows(group));
            found.set(group, { parts: await storedParts(this.db, this.known, group, [...buckets.keys()], manifest), manifest });
          }
        }
        return found;
      },
      async (found, version) => {
        const seals: Promise<PageRow>[] = [];
        const deletes: string[] = [];
        const groups: [string, Manifest][] = dropGroups.map((group) => [group, emptyManifest(0)]);
        for (const [group, buckets] of byGroup) {
          const { parts, manifest: read } = found.get(group)!;
          const manifest = copyManifest(read);
          const write: BucketWrite = {
            version,
            maxSegments: this.maxSegments,
            manifest,
            load: (keys) => this.requireOpenThen(this.db.pages.bulkGet(keys)),
            open: (row) => this.openReadable(row),
            seal: (key, entries) => seals.push(settledLater(this.seal(key, group, version, entries))),
            deletes,
          };
          const changes = [...buckets].map(([baseKey, changes]): BucketChanges => ({ baseKey, parts: parts.get(baseKey) ?? new Map(), changes }));
          await writeGroup(write, changes);
          groups.push([group, manifest]);
        }
        return { dropGroups, groups, puts: await Promise.all(seals), deletes };
      },
    );
  }

  private async requireOpenThen<T>(work: Promise<T>): Promise<T> {
    const done = await work;
    this.requireOpen();
    return done;
  }

  /**
   * One write, serialised with this store's others: `read` runs in a read transaction, `work`
   * outside any (WebCrypto is asynchronous, and an IndexedDB transaction commits as soon as it
   * waits on anything else), and what `work` returns lands in one write transaction, only if the
   * top manifest is still the one read. Otherwise a write from another context landed in
   * between, and this one starts over from its read.
   */
  private write<T>(read: (top: Manifest) => Promise<T>, work: (found: T, version: number) => Promise<Omit<Landing, 'top' | 'version'>>): Promise<void> {
    const run = this.writing.then(() => this.writeNow(read, work));
    this.writing = settled(run); // the caller gets the outcome through `run`
    return run;
  }

  private async writeNow<T>(
    read: (top: Manifest) => Promise<T>,
    work: (found: T, version: number) => Promise<Omit<Landing, 'top' | 'version'>>,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const [readTop, stored, found] = await this.db.transaction('r', this.db.pages, this.db.meta, async () => {
          const top = await this.top();
          return [top, this.storedTop(), await read(top)] as const;
        });
        this.requireOpen();
        const top = copyManifest(readTop);
        const version = top.version++;
        const landing: Landing = { top, version, ...(await work(found, version)) };
        await this.land(landing, stored);
        this.known.landed(stored.nonce, this.storedTop().nonce, landing);
        return;
      } catch (error) {
        if (!(error instanceof WriteConflict)) throw storageError(error);
        if (attempt === WRITE_ATTEMPTS) throw new VaultError('storage-failed', 'other writes kept landing first', { cause: error });
      }
    }
  }

  /** The write transaction of `write`: refused with WriteConflict when the top manifest changed since `read`. */
  private async land(landing: Landing, read: StoredManifest): Promise<void> {
    await this.db.transaction('rw', this.db.pages, this.db.meta, async () => {
      const now = (await this.db.meta.get(MANIFEST_KEY))?.value as StoredManifest | undefined;
      this.requireOpen(); // nothing is written once the vault is locked
      if (!now || !equalBytes(now.nonce, read.nonce) || !equalBytes(now.ciphertext, read.ciphertext)) throw new WriteConflict();
      const { top, version } = landing;
      if (landing.dropGroups.length)
        await this.db.pages
          .where('group')
          .anyOf([...landing.dropGroups])
          .delete();
      if (landing.puts.length) await this.db.pages.bulkPut(landing.puts);
      if (landing.deletes.length) await this.db.pages.bulkDelete(landing.deletes);
      for (const [group, manifest] of landing.groups) await this.saveGroup(top, group, manifest, version);
      await this.save(MANIFEST_KEY, '', top);
    });
  }

  /**
   * Removes damaged records by their refs (what the user does after seeing the damage report).
   * A page ref settles the page: its unverified records go, what verified stays under a new
   * version, and the manifest stops reporting it; a missing page is taken off the manifest, and
   * the group's own ref stops the report of pages that cannot be named.
   */
  async discardDamaged(group: string, refs: string[]): Promise<void> {
    await this.prepare();
    const wanted = new Set(refs);
    await this.write(
      async (top) => {
        const rows = await this.groupRows(group)();
        return { rows, manifest: await this.group(top, group, async () => rows) };
      },
      async ({ rows, manifest: read }, version) => {
        const manifest = copyManifest(read);
        const pages = new Map<PageRow, OpenedPage>();
        await Promise.all(rows.map(async (row) => pages.set(row, await this.open(row))));
        const seals: Promise<PageRow>[] = [];
        const deletes: string[] = [];
        if (wanted.has(pageRef(group))) manifest.lost = false;
        for (const parts of bucketParts(rows, manifest).values()) {
          // Settling a part that is not named at its version keeps what verified, but not a
          // stale copy of a record its bucket holds elsewhere: a record lives in one part.
          const held = new Set<string>();
          const usableFirst = [...parts].sort(([a, rowA], [b, rowB]) => Number(isUsable(manifest, b, rowB)) - Number(isUsable(manifest, a, rowA)));
          for (const [key, row] of usableFirst) {
            const settle = wanted.has(pageRef(key));
            const opened = row ? pages.get(row)! : null;
            if (!row || !opened || opened.unreadable) {
              if (!settle) continue;
              if (row) deletes.push(key);
              manifest.entries.delete(key);
              continue;
            }
            const entries = opened.entries;
            const stale = settle && !isUsable(manifest, key, row);
            const kept = entries.filter((e) => !(e.damaged && (settle || wanted.has(toBase64Url(e.idTag)))) && !(stale && held.has(mapKey(e.idTag))));
            for (const entry of kept) if (!entry.damaged) held.add(mapKey(entry.idTag));
            if (!settle && kept.length === entries.length) continue;
            const problem = settle ? 'none' : pageProblem(manifest.entries.get(key), row, opened.intact);
            if (kept.length === 0 && problem === 'none') {
              deletes.push(key);
              manifest.entries.delete(key);
            } else {
              seals.push(settledLater(this.seal(key, group, version, kept)));
              manifest.entries.set(key, { version, problem });
            }
          }
        }
        return { dropGroups: [], groups: [[group, manifest]], puts: await Promise.all(seals), deletes };
      },
    );
  }
}

/**
 * A seal that may still be running when the work that started it throws: it is awaited later
 * with the others (Promise.all), and marked handled now so that its failure, if the work threw
 * first, is not reported as unhandled.
 */
function settledLater<T>(sealing: Promise<T>): Promise<T> {
  void settled(sealing);
  return sealing;
}

const pageRef = (pageKey: string): string => `page:${pageKey}`;
