/**
 * Reads and writes records as sealed pages. Knows nothing of record kinds or JSON: it stores
 * opaque byte strings under (group, id tag), and every write is one IndexedDB transaction, which
 * also rewrites the page manifest (page-manifest.ts) so a missing or rolled-back page is seen.
 */
import type { VaultKeys } from '../crypto/keys';
import { storageError, VaultError } from '../errors';
import type { VaultDb } from './db';
import { openPage, PAGE_FORMAT, type OpenedPage, pageKeyOf, recordMac, sealPage, type PageEntry, type PageRow } from './page-codec';
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

export interface PageChange {
  group: string;
  idTag: Uint8Array;
  /**
   * Given the record's current bytes (null when absent or damaged), returns its new bytes, or
   * null to delete it. Runs inside the write transaction, so read-modify-write is atomic.
   */
  update: (previous: Uint8Array | null) => Uint8Array | null;
}

export class PageStore {
  private closed = false;
  private preparing: Promise<void> | null = null;
  /** Manifests last read or written, by meta key, with the stored bytes they came from. */
  private readonly cache = new Map<string, { stored: StoredManifest; manifest: Manifest }>();

  constructor(
    private readonly db: VaultDb,
    private readonly keys: VaultKeys,
  ) {}

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
    const byKey = new Map(rows.map((row) => [row.key, row]));
    for (const key of groupKeys(byKey.keys(), manifest)) {
      const row = byKey.get(key);
      const opened = row ? this.open(row) : null;
      const problem = pageProblem(manifest.entries.get(key), row, opened?.intact ?? true);
      if (problem !== 'none') contents.damaged.push({ group, ref: pageRef(key), reason: PAGE_REASONS[problem] });
      for (const entry of opened?.entries ?? []) {
        if (entry.damaged) contents.damaged.push({ group, ref: toBase64Url(entry.idTag), reason: 'integrity' });
        else contents.records.push({ idTag: entry.idTag, bytes: entry.bytes });
      }
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
   * its page is missing or an older copy, or when it is absent from a page that is not sound
   * (its absence cannot then be trusted).
   */
  async readOne(group: string, idTag: Uint8Array): Promise<Uint8Array | null> {
    await this.prepare();
    const key = pageKeyOf(group, idTag);
    let row: PageRow | undefined;
    let manifest: Manifest;
    try {
      [row, manifest] = await this.db.transaction('r', this.db.pages, this.db.meta, async () => {
        const row = await this.db.pages.get(key);
        return [row, await this.group(await this.top(), group, this.groupRows(group))] as const;
      });
    } catch (error) {
      throw storageError(error);
    }
    const listed = manifest.entries.get(key);
    if (!row) {
      if (listed || manifest.lost) throw new VaultError('record-damaged', pageRef(key));
      return null;
    }
    // A page the manifest does not name at this version may hold any earlier state of the record.
    if (!listed || (row.version ?? 0) !== listed.version) throw new VaultError('record-damaged', pageRef(key));
    const opened = this.openReadable(row);
    const problem = pageProblem(listed, row, opened.intact);
    const entry = opened.entries.find((e) => equalBytes(e.idTag, idTag));
    if (entry?.damaged) throw new VaultError('record-damaged', toBase64Url(idTag));
    if (entry) return entry.bytes;
    // A damaged entry's id tag is itself unverified: the record asked for may be that entry
    // under a changed tag, so its absence from this page cannot be trusted.
    if (problem !== 'none' || manifest.lost || opened.entries.some((e) => e.damaged)) throw new VaultError('record-damaged', toBase64Url(idTag));
    return null;
  }

  /**
   * Applies every change, and drops whole groups, in one transaction: all of it lands, or none.
   * A page that was not sound before keeps its problem in the manifest after it is written.
   */
  async apply(changes: PageChange[], dropGroups: string[] = []): Promise<void> {
    await this.prepare();
    const byPage = new Map<string, PageChange[]>();
    for (const change of changes) {
      const key = pageKeyOf(change.group, change.idTag);
      const list = byPage.get(key);
      if (list) list.push(change);
      else byPage.set(key, [change]);
    }
    const keys = [...byPage.keys()];
    try {
      await this.db.transaction('rw', this.db.pages, this.db.meta, async () => {
        const top = copyManifest(await this.top());
        const version = top.version++;
        if (dropGroups.length) {
          await this.db.pages.where('group').anyOf(dropGroups).delete();
          for (const group of dropGroups) await this.saveGroup(top, group, emptyManifest(0), version);
        }
        const rows = await this.db.pages.bulkGet(keys);
        const groups = new Map<string, Manifest>();
        for (const { group } of changes) {
          if (!groups.has(group)) groups.set(group, copyManifest(await this.group(top, group, this.groupRows(group))));
        }
        this.requireOpen(); // sealPage below runs in this same synchronous stretch
        const puts: PageRow[] = [];
        const deletes: string[] = [];
        keys.forEach((key, i) => {
          const pageChanges = byPage.get(key)!;
          const group = pageChanges[0]!.group;
          const manifest = groups.get(group)!;
          const row = rows[i];
          const opened = row ? this.openReadable(row) : null;
          const problem = pageProblem(manifest.entries.get(key), row, opened?.intact ?? true);
          const entries = new Map<string, PageEntry>();
          for (const entry of opened?.entries ?? []) if (!entries.has(mapKey(entry.idTag)) || !entry.damaged) entries.set(mapKey(entry.idTag), entry);
          for (const { idTag, update } of pageChanges) {
            const ref = mapKey(idTag);
            const previous = entries.get(ref);
            const bytes = update(previous && !previous.damaged ? previous.bytes : null);
            if (bytes === null) entries.delete(ref);
            else entries.set(ref, { idTag, bytes, mac: recordMac(this.keys, key, idTag, bytes), damaged: false });
          }
          // An emptied page with a problem stays, empty, so that its report is not lost with it.
          if (entries.size === 0 && problem === 'none') {
            deletes.push(key);
            manifest.entries.delete(key);
          } else {
            puts.push(sealPage(this.keys, key, group, version, [...entries.values()]));
            manifest.entries.set(key, { version, problem });
          }
        });
        if (puts.length) await this.db.pages.bulkPut(puts);
        if (deletes.length) await this.db.pages.bulkDelete(deletes);
        for (const [group, manifest] of groups) await this.saveGroup(top, group, manifest, version);
        await this.save(MANIFEST_KEY, '', top);
      });
    } catch (error) {
      throw storageError(error);
    }
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
        const byKey = new Map(rows.map((row) => [row.key, row]));
        for (const key of groupKeys(byKey.keys(), manifest)) {
          const row = byKey.get(key);
          const settle = wanted.has(pageRef(key));
          const opened = row ? this.open(row) : null;
          if (!row || !opened || opened.unreadable) {
            if (!settle) continue;
            if (row) await this.db.pages.delete(key);
            manifest.entries.delete(key);
            continue;
          }
          const entries = opened.entries;
          const kept = entries.filter((e) => !(e.damaged && (settle || wanted.has(toBase64Url(e.idTag)))));
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
        await this.saveGroup(top, group, manifest, version);
        await this.save(MANIFEST_KEY, '', top);
      });
    } catch (error) {
      throw storageError(error);
    }
  }
}

/** Every page key of a group: the rows found, and the pages its manifest names. */
function groupKeys(rowKeys: Iterable<string>, manifest: Manifest): Set<string> {
  const keys = new Set(rowKeys);
  for (const key of manifest.entries.keys()) keys.add(key);
  return keys;
}

const pageRef = (pageKey: string): string => `page:${pageKey}`;

/** A 16-byte id tag as a map key: one character per byte, cheaper than base64 for every record of a write. */
// Reflect.apply takes the typed array as it is, as Function.prototype.apply does, without a copy.
const mapKey = (idTag: Uint8Array): string => Reflect.apply(String.fromCharCode, null, idTag) as string;
