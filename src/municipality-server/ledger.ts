/**
 * One citizen's records as a change feed: every write gets the next sequence number of that
 * citizen, so "everything after N" is an incremental sync, and a deletion leaves a tombstone.
 */
import type { ResourceName, Tombstone } from '../municipal/api/schemas';
import { RESOURCES } from '../municipal/api/schemas';
import type { CitizenDataset } from './data/dataset';
import type { VisibilityKey } from './youth-rules';

type AnyRecord = { type: string; id: string; version: number; caseId?: string; kle?: { code: string }; source?: { id: string } };

export interface LedgerEntry {
  readonly resource: ResourceName;
  readonly id: string;
  readonly seq: number;
  readonly record: AnyRecord | Tombstone;
  readonly visibility: VisibilityKey;
}

export class CitizenLedger {
  private seq = 0;
  private readonly feeds = new Map<ResourceName, LedgerEntry[]>();
  private readonly latest = new Map<string, LedgerEntry>();
  private readonly caseKle = new Map<string, string>();

  constructor(readonly dataset: CitizenDataset) {
    for (const resource of RESOURCES) this.feeds.set(resource, []);
    // Cases first, so that every other record can inherit its case's KLE code.
    for (const resource of RESOURCES) {
      for (const record of dataset.records[resource] as AnyRecord[]) this.append(resource, record);
    }
  }

  get highWater(): number {
    return this.seq;
  }

  private visibilityOf(resource: ResourceName, record: AnyRecord): VisibilityKey {
    const kle = record.type === 'case' ? record.kle?.code : (record.kle?.code ?? (record.caseId ? this.caseKle.get(record.caseId) : undefined));
    return { kle, source: resource === 'activities' ? record.source?.id : undefined };
  }

  private append(resource: ResourceName, record: AnyRecord | Tombstone, visibility?: VisibilityKey): LedgerEntry {
    const key = `${resource}/${record.id}`;
    const previous = this.latest.get(key);
    const feed = this.feeds.get(resource)!;
    if (previous) feed.splice(feed.indexOf(previous), 1);
    if (record.type === 'case' && 'kle' in record && record.kle) this.caseKle.set(record.id, record.kle.code);
    const entry: LedgerEntry = {
      resource,
      id: record.id,
      seq: ++this.seq,
      record,
      visibility: visibility ?? this.visibilityOf(resource, record as AnyRecord),
    };
    feed.push(entry);
    this.latest.set(key, entry);
    return entry;
  }

  get(resource: ResourceName, id: string): LedgerEntry | undefined {
    const entry = this.latest.get(`${resource}/${id}`);
    return entry && entry.record.type !== 'tombstone' ? entry : undefined;
  }

  /** Writes a new version of a record (its version must be one more than the stored one, or 1 if new). */
  put(resource: ResourceName, record: AnyRecord): LedgerEntry {
    const previous = this.latest.get(`${resource}/${record.id}`);
    const expected = previous ? previous.record.version + 1 : 1;
    if (record.version !== expected) throw new RangeError(`version of ${resource}/${record.id} must be ${expected}`);
    return this.append(resource, record);
  }

  delete(resource: ResourceName, id: string, deletedAt: string): LedgerEntry {
    const previous = this.get(resource, id);
    if (!previous) throw new RangeError(`no ${resource}/${id}`);
    const tombstone: Tombstone = { type: 'tombstone', resource, id, version: previous.record.version + 1, deletedAt };
    // A tombstone is as visible as the record was: it must not reveal a hidden record's id.
    return this.append(resource, tombstone, previous.visibility);
  }

  /** Entries with seq > after, in change order. */
  *changesAfter(resource: ResourceName, after: number): Generator<LedgerEntry> {
    const feed = this.feeds.get(resource)!;
    let lo = 0;
    let hi = feed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (feed[mid]!.seq <= after) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < feed.length; i++) yield feed[i]!;
  }

  /** The last sequence number of a resource's feed (0 if empty). */
  resourceHighWater(resource: ResourceName): number {
    const feed = this.feeds.get(resource)!;
    return feed.length ? feed[feed.length - 1]!.seq : 0;
  }
}
