/**
 * One write to the buckets of a group (bucket-layout.ts): opens the parts that may hold a
 * changed record, applies the changes, puts the new records into one new part, and says which
 * parts to seal and delete and what the group's manifest must name. Runs between the write's
 * read and its write transaction (page-store.ts): opening a format 3 part is asynchronous.
 *
 * A part may come without its row, known by the index this store last sealed or verified for
 * it at the version the manifest names: its row is then read only if it must be opened. The
 * buckets go through the write in step, so that the rows they need are read in one request.
 */
import { mapKey, mayHoldAny, partsToMerge, repeatsAnyTag, segmentKey, wantedTags, type IndexedPart } from './bucket-layout';
import type { OpenedPage, PageEntry, PageRow } from './page-codec';
import { pageProblem, type Manifest, type ManifestEntry, type PageProblem } from './page-manifest';

export interface PageChange {
  group: string;
  idTag: Uint8Array;
  /**
   * Given the record's current bytes (null when absent or damaged), returns its new bytes, or
   * null to delete it. Runs between the write's read and its write transaction, which lands
   * only if no other write landed in between (else the write starts over and it runs again),
   * so read-modify-write is atomic. Called on the change, so it may be a method.
   */
  update(previous: Uint8Array | null): Uint8Array | null;
}

/** A part as the write found it: its row as read, or what this store knows of it, or neither (missing). */
export interface StoredPart {
  row?: PageRow | undefined;
  known?: KnownPart | undefined;
}

/** What a write needs of a part it does not open: its version, format, index and size. */
export interface KnownPart extends IndexedPart {
  version: number;
  /** Stored bytes (index and body). */
  bytes: number;
}

export const knownPartOf = (row: PageRow): KnownPart => ({ version: row.version ?? 0, v: row.v, index: row.index, bytes: row.index.length + row.body.length });

export interface BucketWrite {
  /** The write counter this write stamps on every part it seals. */
  version: number;
  maxSegments: number;
  /** The group's manifest, changed in place. */
  manifest: Manifest;
  /** Reads the rows of parts known but not read; undefined for one that is gone. */
  load: (keys: string[]) => Promise<(PageRow | undefined)[]>;
  /**
   * Opens a part; throws for one whose record boundaries cannot be read (the index hint opens
   * every such part of a bucket written to: it may hold any of the records).
   */
  open: (row: PageRow) => Promise<OpenedPage>;
  /** Seals a part with these records, at `version`. */
  seal: (key: string, entries: PageEntry[]) => void;
  deletes: string[];
}

export interface BucketChanges {
  baseKey: string;
  /** Every part the rows and the manifest know of, by key. */
  parts: ReadonlyMap<string, StoredPart>;
  changes: readonly PageChange[];
}

/** Writes the changes of each bucket of one group. */
export async function writeGroup(w: BucketWrite, buckets: readonly BucketChanges[]): Promise<void> {
  const writers = buckets.map((b) => new BucketWriter(w, b));
  await openAll(
    w,
    writers.flatMap((b) => b.partsToOpen()),
  );
  for (const b of writers) b.applyChanges();
  await openAll(
    w,
    writers.flatMap((b) => b.partsToMerge()),
  );
  for (const b of writers) b.finish();
}

/** Reads the rows still unread of these parts in one request, then opens them all. */
async function openAll(w: BucketWrite, parts: Part[]): Promise<void> {
  const unread = parts.filter((p) => !p.row && p.known);
  if (unread.length > 0) {
    const rows = await w.load(unread.map((p) => p.key));
    unread.forEach((part, i) => part.found(rows[i]));
  }
  await Promise.all(parts.map((p) => p.open()));
}

class Part {
  /** Named by the manifest at the version it carries: its records are the current ones. */
  usable: boolean;
  /** Set once opened: its records by id, and what is wrong with it. */
  entries: Map<string, PageEntry> | null = null;
  problem: PageProblem = 'none';
  sound = false;
  changed = false;

  constructor(
    private readonly w: BucketWrite,
    readonly key: string,
    public row: PageRow | undefined,
    public known: KnownPart | undefined,
    readonly listed: ManifestEntry | undefined,
  ) {
    this.usable = this.isUsable();
  }

  private isUsable(): boolean {
    const version = this.row ? (this.row.version ?? 0) : this.known?.version;
    return this.listed !== undefined && version === this.listed.version;
  }

  /** Its row, read late: one that is gone or not at the known version is taken as found. */
  found(row: PageRow | undefined): void {
    this.row = row;
    this.known = undefined;
    this.usable = this.isUsable();
  }

  get indexed(): IndexedPart | undefined {
    return this.row ?? this.known;
  }

  get bytes(): number {
    return this.row ? this.row.index.length + this.row.body.length : (this.known?.bytes ?? 0);
  }

  async open(): Promise<void> {
    if (this.entries || !this.row) return;
    const opened = await this.w.open(this.row);
    this.entries = new Map();
    // A damaged entry never hides a verified one of the same id.
    for (const entry of opened.entries) {
      const ref = mapKey(entry.idTag);
      if (!this.entries.has(ref) || !entry.damaged) this.entries.set(ref, entry);
    }
    this.problem = pageProblem(this.listed, this.row, opened.intact);
    this.sound = this.usable && this.problem === 'none' && !opened.entries.some((e) => e.damaged);
  }
}

const entryFor = (idTag: Uint8Array, bytes: Uint8Array): PageEntry => ({ idTag, bytes, damaged: false });

/** Bytes an index entry of format 3 adds to a part: what new records weigh beside stored parts. */
const ENTRY_OVERHEAD = 24;

class BucketWriter {
  private readonly parts: Part[];
  /**
   * Each change's record as a map key; null for a bucket with no parts and no record changed
   * twice (a new group, most records of a large first write), whose changes need no lookup.
   */
  private readonly refList: string[] | null;
  /** The new records, by map key; a list when there is no refList. */
  private readonly fresh = new Map<string, PageEntry>();
  private readonly freshList: PageEntry[] = [];
  /** What the new records weigh, as stored: their bytes and index entries. */
  private freshBytes = 0;
  private merging: Part[] = [];

  constructor(
    private readonly w: BucketWrite,
    private readonly bucket: BucketChanges,
  ) {
    this.parts = [...bucket.parts].map(([key, { row, known }]) => new Part(w, key, row, known, w.manifest.entries.get(key)));
    const lookedUp = this.parts.length > 0 || repeatsAnyTag(bucket.changes.map((c) => c.idTag));
    this.refList = lookedUp ? bucket.changes.map((c) => mapKey(c.idTag)) : null;
  }

  partsToOpen(): Part[] {
    if (this.parts.length === 0) return [];
    const wanted = wantedTags(
      this.bucket.changes.map((c) => c.idTag),
      new Set(this.refList),
    );
    return this.parts.filter((part) => part.indexed && mayHoldAny(part.indexed, wanted));
  }

  /** The new records of this write. */
  private get freshCount(): number {
    return this.refList ? this.fresh.size : this.freshList.length;
  }

  applyChanges(): void {
    if (!this.refList) {
      // Nothing stored to look in and no record twice: each change's record is new.
      for (const change of this.bucket.changes) {
        const bytes = change.update(null);
        if (bytes === null) continue;
        this.freshList.push(entryFor(change.idTag, bytes));
        this.freshBytes += bytes.length + ENTRY_OVERHEAD;
      }
      return;
    }
    const { parts, fresh } = this;
    // Usable parts first: a record's current copy is looked for there before any stale one.
    parts.sort((a, b) => Number(b.usable) - Number(a.usable));
    const changes = this.bucket.changes;
    for (let i = 0; i < changes.length; i++) {
      const change = changes[i]!;
      const ref = this.refList[i]!;
      const again = fresh.get(ref);
      let previous = again?.bytes ?? null;
      if (again) {
        fresh.delete(ref);
        this.freshBytes -= again.bytes.length + ENTRY_OVERHEAD;
      }
      let holder: Part | null = null;
      // After the first change of a record in this write it lives in one place; before, stale
      // copies in parts that are not usable are dropped with it.
      for (const part of parts) {
        const entry = part.entries?.get(ref);
        if (!entry) continue;
        if (previous === null && !entry.damaged) previous = entry.bytes;
        if (!holder && part.usable) holder = part;
        part.entries!.delete(ref);
        part.changed = true;
      }
      const bytes = change.update(previous);
      if (bytes === null) continue;
      if (holder) holder.entries!.set(ref, entryFor(change.idTag, bytes));
      else {
        fresh.set(ref, entryFor(change.idTag, bytes));
        this.freshBytes += bytes.length + ENTRY_OVERHEAD;
      }
    }
  }

  /** The parts the new records are merged with (bucket-layout.ts), to be opened. */
  partsToMerge(): Part[] {
    if (this.freshCount === 0) return [];
    const sizes = this.parts.map((p) => ({
      key: p.key,
      bytes: p.bytes,
      mergeable: p.usable && p.listed!.problem === 'none' && (!p.entries || p.sound),
      resealed: p.changed,
    }));
    const keys = partsToMerge(this.bucket.baseKey, sizes, this.w.maxSegments, this.freshBytes);
    this.merging = keys.map((key) => this.parts.find((p) => p.key === key)!);
    return this.merging;
  }

  finish(): void {
    const { w, parts } = this;
    const baseKey = this.bucket.baseKey;
    if (this.freshCount > 0) {
      const merged = this.merging.filter((part) => part.sound); // one found damaged only now stays as it is
      const hasBase = parts.some((p) => p.key === baseKey);
      const into = !hasBase || merged.some((p) => p.key === baseKey) ? baseKey : segmentKey(baseKey, w.version);
      const entries: PageEntry[] = [];
      for (const part of merged) {
        // Format 2 MACs bind the key of the part that held them: a moved record leaves its own
        // behind. A format 3 entry carries none and moves as it is.
        for (const entry of part.entries!.values()) entries.push(part.key === into || entry.mac === undefined ? entry : entryFor(entry.idTag, entry.bytes));
        part.changed = false;
        part.entries = null;
        if (part.key !== into) {
          w.deletes.push(part.key);
          w.manifest.entries.delete(part.key);
        }
      }
      for (const entry of this.refList ? this.fresh.values() : this.freshList) entries.push(entry);
      w.seal(into, entries);
      w.manifest.entries.set(into, { version: w.version, problem: 'none' });
    }

    for (const part of parts) {
      if (!part.changed) continue;
      // An emptied part with a problem stays, empty, so that its report is not lost with it.
      if (part.entries!.size === 0 && part.problem === 'none') {
        w.deletes.push(part.key);
        w.manifest.entries.delete(part.key);
      } else {
        w.seal(part.key, [...part.entries!.values()]);
        w.manifest.entries.set(part.key, { version: w.version, problem: part.problem });
      }
    }
  }
}
