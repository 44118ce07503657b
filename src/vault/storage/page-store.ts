/**
 * Reads and writes records as sealed pages. Knows nothing of record kinds or JSON: it stores
 * opaque byte strings under (group, id tag), and every write is one IndexedDB transaction, which
 * also rewrites the page manifest (page-manifest.ts) so a missing or rolled-back page is seen.
 * A bucket is a base page and a few append segments (bucket-layout.ts); every part is a page.
 */
import type { VaultKeys } from '../crypto/keys';
import { storageError, VaultError } from '../errors';
import type { VaultDb } from './db';
import { baseKeyOf, bucketRange, DEFAULT_MAX_SEGMENTS, mapKey } from './bucket-layout';
import { writeBucket, type BucketWrite, type PageChange } from './bucket-write';
import { openPage, PAGE_FORMAT, type OpenedPage, pageKeyOf, sealPage, type PageEntry, type PageRow } from './page-codec';
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
}

/** Above this many buckets touched in a group, a write reads the whole group in one request. */
const WHOLE_GROUP_BUCKETS = 16;

export class PageStore {
  private closed = false;
  private preparing: Promise<void> | null = null;
  /** Manifests last read or written, by meta key, with the stored bytes they came from. */
  private readonly cache = new Map<string, { stored: StoredManifest; manifest: Manifest }>();

  private readonly maxSegments: number;

  constructor(
    private readonly db: VaultDb,
    private readonly keys: VaultKeys,
    options: PageStoreOptions = {},
  ) {
    this.maxSegments = options.maxSegments ?? DEFAULT_MAX_SEGMENTS;
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
  }

  private requireOpen(): void {
    if (this.closed) throw new VaultError('locked');
  }

  private open(row: PageRow): OpenedPage {
    this.requireOpen();
    if (row.v > PAGE_FORMAT) throw new VaultError('vault-from-newer-version', `page format ${row.v}`);
    return openPage(this.keys, row);
  }

  /** A page whose record boundaries cannot be read answers for none of its records, and is not overwritten until the user discards it. */
  private openReadable(row: PageRow): OpenedPage {
    const opened = this.open(row);
    if (opened.unreadable) throw new VaultError('record-damaged', pageRef(row.key));
    return opened;
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
        const opened = upgrade ? this.open(row) : null;
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
    return found;
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
    try {
      [rows, manifest] = await this.db.transaction('r', this.db.pages, this.db.meta, async () => {
        const rows = await this.groupRows(group)();
        return [rows, await this.group(await this.top(), group, async () => rows)] as const;
      });
    } catch (error) {
      throw storageError(error);
    }
    this.requireOpen();
    const contents: GroupContents = { records: [], damaged: [] };
    if (manifest.lost) contents.damaged.push({ group, ref: pageRef(group), reason: 'page-missing' });
    for (const parts of bucketParts(rows, manifest).values()) {
      const opened = [...parts].map(([key, row]) => {
        const page = row ? this.open(row) : null;
        const listed = manifest.entries.get(key);
        const problem = pageProblem(listed, row, page?.intact ?? true);
        if (problem !== 'none') contents.damaged.push({ group, ref: pageRef(key), reason: PAGE_REASONS[problem] });
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
        const rows = await this.bucketRows(group, [baseKey]);
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
      const opened = this.openReadable(row);
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
      else salvaged ??= entry.bytes; // verified by its own MAC; its part's tag failed
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
    const byGroup = new Map<string, Map<string, PageChange[]>>();
    for (const change of changes) {
      let buckets = byGroup.get(change.group);
      if (!buckets) byGroup.set(change.group, (buckets = new Map()));
      const key = pageKeyOf(change.group, change.idTag);
      const list = buckets.get(key);
      if (list) list.push(change);
      else buckets.set(key, [change]);
    }
    try {
      await this.db.transaction('rw', this.db.pages, this.db.meta, async () => {
        const top = copyManifest(await this.top());
        const version = top.version++;
        if (dropGroups.length) {
          await this.db.pages.where('group').anyOf(dropGroups).delete();
          for (const group of dropGroups) await this.saveGroup(top, group, emptyManifest(0), version);
        }
        const found = new Map<string, { rows: PageRow[]; manifest: Manifest }>();
        for (const [group, buckets] of byGroup) {
          const rows = await this.bucketRows(group, [...buckets.keys()]);
          found.set(group, { rows, manifest: copyManifest(await this.group(top, group, this.groupRows(group))) });
        }
        this.requireOpen(); // sealing below runs in this same synchronous stretch
        const puts: PageRow[] = [];
        const deletes: string[] = [];
        for (const [group, buckets] of byGroup) {
          const { rows, manifest } = found.get(group)!;
          const write: BucketWrite = {
            keys: this.keys,
            group,
            version,
            maxSegments: this.maxSegments,
            manifest,
            open: (row) => this.openReadable(row),
            puts,
            deletes,
          };
          const parts = bucketParts(rows, manifest);
          for (const [baseKey, bucketChanges] of buckets) writeBucket(write, baseKey, parts.get(baseKey) ?? new Map(), bucketChanges);
        }
        if (puts.length) await this.db.pages.bulkPut(puts);
        if (deletes.length) await this.db.pages.bulkDelete(deletes);
        for (const [group, { manifest }] of found) await this.saveGroup(top, group, manifest, version);
        await this.save(MANIFEST_KEY, '', top);
      });
    } catch (error) {
      throw storageError(error);
    }
  }

  /** The rows of some buckets of a group: the whole group when most of it is touched. */
  private bucketRows(group: string, baseKeys: string[]): Promise<PageRow[]> {
    if (baseKeys.length > WHOLE_GROUP_BUCKETS) return this.groupRows(group)();
    return this.db.pages.where('key').inAnyRange(baseKeys.map(bucketRange)).toArray();
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
    try {
      await this.db.transaction('rw', this.db.pages, this.db.meta, async () => {
        const top = copyManifest(await this.top());
        const version = top.version++;
        const rows = await this.groupRows(group)();
        const manifest = copyManifest(await this.group(top, group, async () => rows));
        this.requireOpen();
        if (wanted.has(pageRef(group))) manifest.lost = false;
        for (const parts of bucketParts(rows, manifest).values()) {
          // Settling a part that is not named at its version keeps what verified, but not a
          // stale copy of a record its bucket holds elsewhere: a record lives in one part.
          const held = new Set<string>();
          const usableFirst = [...parts].sort(([a, rowA], [b, rowB]) => Number(isUsable(manifest, b, rowB)) - Number(isUsable(manifest, a, rowA)));
          for (const [key, row] of usableFirst) {
            const settle = wanted.has(pageRef(key));
            const opened = row ? this.open(row) : null;
            if (!row || !opened || opened.unreadable) {
              if (!settle) continue;
              if (row) await this.db.pages.delete(key);
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
              await this.db.pages.delete(key);
              manifest.entries.delete(key);
            } else {
              await this.db.pages.put(sealPage(this.keys, key, group, version, kept));
              manifest.entries.set(key, { version, problem });
            }
          }
        }
        await this.saveGroup(top, group, manifest, version);
        await this.save(MANIFEST_KEY, '', top);
      });
    } catch (error) {
      throw storageError(error);
    }
  }
}

/** Whether the manifest names the part at the version it carries: then its records are the current ones. */
function isUsable(manifest: Manifest, key: string, row: PageRow | undefined): boolean {
  const listed = manifest.entries.get(key);
  return listed !== undefined && row !== undefined && (row.version ?? 0) === listed.version;
}

/** Every part of each bucket of a group, by base key: the rows found, and the parts the manifest names. */
function bucketParts(rows: readonly PageRow[], manifest: Manifest): Map<string, Map<string, PageRow | undefined>> {
  const buckets = new Map<string, Map<string, PageRow | undefined>>();
  const add = (key: string, row: PageRow | undefined) => {
    const base = baseKeyOf(key);
    let parts = buckets.get(base);
    if (!parts) buckets.set(base, (parts = new Map()));
    if (row || !parts.has(key)) parts.set(key, row);
  };
  for (const row of rows) add(row.key, row);
  for (const key of manifest.entries.keys()) add(key, undefined);
  return buckets;
}

const pageRef = (pageKey: string): string => `page:${pageKey}`;
