/**
 * Reads and writes records as sealed pages. Knows nothing of record kinds or JSON: it stores
 * opaque byte strings under (group, id tag), and every write is one IndexedDB transaction.
 */
import { equalBytes, toBase64Url } from '../crypto/bytes';
import type { VaultKeys } from '../crypto/keys';
import { storageError, VaultError } from '../errors';
import type { VaultDb } from './db';
import { openPage, PAGE_FORMAT, type OpenedPage, pageKeyOf, recordMac, sealPage, type PageEntry, type PageRow } from './page-codec';

export interface StoredBytes {
  idTag: Uint8Array;
  bytes: Uint8Array;
}

/**
 * A record that failed its integrity check. `ref` names it without revealing anything: the
 * record's id tag, or `page:<key>` for a page whose record boundaries themselves are unreadable.
 */
export interface DamagedRef {
  group: string;
  ref: string;
}

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
    if (opened.unreadable) throw new VaultError('record-damaged', unreadableRef(row.key));
    return opened;
  }

  async readGroup(group: string): Promise<GroupContents> {
    let rows: PageRow[];
    try {
      rows = await this.db.pages.where('group').equals(group).toArray();
    } catch (error) {
      throw storageError(error);
    }
    this.requireOpen();
    const contents: GroupContents = { records: [], damaged: [] };
    for (const row of rows) {
      const opened = this.open(row);
      if (opened.unreadable) contents.damaged.push({ group, ref: unreadableRef(row.key) });
      for (const entry of opened.entries) {
        if (entry.damaged) contents.damaged.push({ group, ref: toBase64Url(entry.idTag) });
        else contents.records.push({ idTag: entry.idTag, bytes: entry.bytes });
      }
    }
    return contents;
  }

  /** The record's bytes, null when absent; throws `record-damaged` when it fails its check. */
  async readOne(group: string, idTag: Uint8Array): Promise<Uint8Array | null> {
    let row: PageRow | undefined;
    try {
      row = await this.db.pages.get(pageKeyOf(group, idTag));
    } catch (error) {
      throw storageError(error);
    }
    if (!row) return null;
    const entries = this.openReadable(row).entries;
    const entry = entries.find((e) => equalBytes(e.idTag, idTag));
    if (entry?.damaged) throw new VaultError('record-damaged', toBase64Url(idTag));
    if (entry) return entry.bytes;
    // A damaged entry's id tag is itself unverified: the record asked for may be that entry
    // under a changed tag, so its absence from this page cannot be trusted.
    if (entries.some((e) => e.damaged)) throw new VaultError('record-damaged', toBase64Url(idTag));
    return null;
  }

  /**
   * Applies every change, and drops whole groups, in one transaction: all of it lands, or none.
   */
  async apply(changes: PageChange[], dropGroups: string[] = []): Promise<void> {
    const byPage = new Map<string, PageChange[]>();
    for (const change of changes) {
      const key = pageKeyOf(change.group, change.idTag);
      const list = byPage.get(key);
      if (list) list.push(change);
      else byPage.set(key, [change]);
    }
    const keys = [...byPage.keys()];
    try {
      await this.db.transaction('rw', this.db.pages, async () => {
        if (dropGroups.length) await this.db.pages.where('group').anyOf(dropGroups).delete();
        const rows = await this.db.pages.bulkGet(keys);
        this.requireOpen(); // sealPage below runs in this same synchronous stretch
        const puts: PageRow[] = [];
        const deletes: string[] = [];
        keys.forEach((key, i) => {
          const pageChanges = byPage.get(key)!;
          const row = rows[i];
          const entries = new Map<string, PageEntry>();
          if (row) for (const entry of this.openReadable(row).entries) entries.set(mapKey(entry.idTag), entry);
          for (const { idTag, update } of pageChanges) {
            const ref = mapKey(idTag);
            const previous = entries.get(ref);
            const bytes = update(previous && !previous.damaged ? previous.bytes : null);
            if (bytes === null) entries.delete(ref);
            else entries.set(ref, { idTag, bytes, mac: recordMac(this.keys, key, idTag, bytes), damaged: false });
          }
          if (entries.size === 0) deletes.push(key);
          else puts.push(sealPage(this.keys, key, pageChanges[0]!.group, [...entries.values()]));
        });
        if (puts.length) await this.db.pages.bulkPut(puts);
        if (deletes.length) await this.db.pages.bulkDelete(deletes);
      });
    } catch (error) {
      throw storageError(error);
    }
  }

  /** Removes damaged records by their refs (what the user does after seeing the damage report). */
  async discardDamaged(group: string, refs: string[]): Promise<void> {
    const wanted = new Set(refs);
    try {
      await this.db.transaction('rw', this.db.pages, async () => {
        const rows = await this.db.pages.where('group').equals(group).toArray();
        for (const row of rows) {
          if (wanted.has(unreadableRef(row.key))) {
            await this.db.pages.delete(row.key);
            continue;
          }
          const entries = this.open(row).entries;
          const kept = entries.filter((e) => !(e.damaged && wanted.has(toBase64Url(e.idTag))));
          if (kept.length === entries.length) continue;
          if (kept.length === 0) await this.db.pages.delete(row.key);
          else await this.db.pages.put(sealPage(this.keys, row.key, group, kept));
        }
      });
    } catch (error) {
      throw storageError(error);
    }
  }
}

const unreadableRef = (pageKey: string): string => `page:${pageKey}`;

/** A 16-byte id tag as a map key: one character per byte, cheaper than base64 for every record of a write. */
const mapKey = (idTag: Uint8Array): string => String.fromCharCode.apply(null, idTag as unknown as number[]);
