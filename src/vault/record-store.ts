/**
 * The record API the rest of the product uses: typed, validated records per profile, stored
 * encrypted through the page store. Input is checked here, where it enters the vault; what
 * comes back out was authenticated, so it is only migrated, not re-validated.
 */
import { z } from 'zod';
import { keyedTagsUnder, keyedTagText, type VaultKeys } from './crypto/keys';
import { VaultError } from './errors';
import type { PageChange, PageStore } from './storage/page-store';
import type { RecordChange, RecordList, VaultRecord, WriteOp } from './public-types';

export type { DamagedRecord, RecordChange, RecordList, VaultRecord, WriteOp } from './public-types';
import type { KindData, KindRegistry, RecordKind } from '../records/kind';
import { toBase64Url } from '../shared/base64url';
import { fromUtf8 } from '../shared/bytes';
import { newRecordIds } from './record-ids';
import { Utf8Batch } from './utf8-batch';

/** Records decoded between two calls of a paced `listByName`: about ten milliseconds of work. */
const DECODE_SLICE = 2000;

/** Records that belong to the vault as a whole (the list of profiles) use this profile id. */
export const VAULT_SCOPE = '_vault';

/** A profile's kind: the tag of its group, and the id tag of each of its records. */
interface GroupTags {
  group: string;
  idTag: (id: string) => Uint8Array;
}

/** What is sealed for each record; kind and profile are bound by the page key instead. */
interface Envelope {
  id: string;
  v: number;
  createdAt: string;
  updatedAt: string;
  data: unknown;
}

const RECORD_ID = /^[A-Za-z0-9_-]{1,128}$/;
export const RecordIdSchema = z.string().regex(RECORD_ID);

export class RecordStore {
  private readonly listeners = new Set<(change: RecordChange[]) => void>();

  constructor(
    private readonly pages: PageStore,
    private readonly keys: VaultKeys,
    private readonly kinds: KindRegistry,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private kind(name: string, profileId: string): RecordKind {
    const kind = this.kinds.find(name);
    if (!kind) throw new VaultError('unknown-kind', name);
    const wantsVaultScope = kind.scope === 'vault';
    if (wantsVaultScope !== (profileId === VAULT_SCOPE)) throw new VaultError('bad-request', `${name} is ${kind.scope}-scoped`);
    return kind;
  }

  private readonly groups = new Map<string, GroupTags>();

  /** The group tag of a profile's kind, and its records' id tags, prepared once per pair. */
  private tags(profileId: string, kind: string): GroupTags {
    const key = `${profileId}\u0000${kind}`;
    let tags = this.groups.get(key);
    if (!tags) {
      tags = { group: keyedTagText(this.keys.tags, 'group', profileId, kind), idTag: keyedTagsUnder(this.keys.tags, 'id', profileId, kind) };
      this.groups.set(key, tags);
    }
    return tags;
  }

  private group(profileId: string, kind: string): string {
    return this.tags(profileId, kind).group;
  }

  private idTag(profileId: string, kind: string, id: string): Uint8Array {
    return this.tags(profileId, kind).idTag(id);
  }

  /** A stable id for a record that mirrors something outside (a municipal case, a bank row). */
  deriveId(namespace: string, externalKey: string): string {
    return keyedTagText(this.keys.tags, 'derived-id', namespace, externalKey);
  }

  onChange(listener: (changes: RecordChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Validates every operation first, then applies them all in one transaction. Returns the
   * records as written, in the order of the `put` operations.
   */
  async write(ops: WriteOp[], options: { dropProfiles?: string[] } = {}): Promise<VaultRecord[]> {
    const timestamp = this.now().toISOString();
    const written: VaultRecord[] = [];
    const changes: PageChange[] = [];
    const touched = new Map<string, RecordChange>();
    const newIds = newRecordIds(ops.reduce((n, op) => (op.op === 'put' && op.id === undefined ? n + 1 : n), 0));
    let nextNewId = 0;
    const utf8Batch = new Utf8Batch();
    // The operations of a write are mostly of one profile and kind: what is looked up per pair is kept.
    let pair: { profileId: string; kindName: string; kind: RecordKind; tags: GroupTags; touched: RecordChange } | null = null;
    for (let position = 0; position < ops.length; position++) {
      const op = ops[position]!;
      if (!pair || pair.profileId !== op.profileId || pair.kindName !== op.kind) {
        const kind = this.kind(op.kind, op.profileId);
        const tags = this.tags(op.profileId, op.kind);
        pair = { profileId: op.profileId, kindName: op.kind, kind, tags, touched: touchedGroup(touched, op.profileId, op.kind) };
      }
      const { kind, tags } = pair;
      const id = op.op === 'put' && op.id === undefined ? newIds[nextNewId++]! : op.id!;
      if (typeof id !== 'string' || !RECORD_ID.test(id)) throw new VaultError('bad-request', `operation ${position}: bad id`);
      pair.touched.ids.push(id);
      const group = tags.group;
      const idTag = tags.idTag(id);
      if (op.op === 'delete') {
        changes.push({ group, idTag, update: deleted });
        continue;
      }
      const parsed = kind.schema.safeParse(op.data);
      if (!parsed.success) {
        throw new VaultError('invalid-record', `operation ${position} (${op.kind}): ${z.prettifyError(parsed.error)}`);
      }
      const record: VaultRecord = {
        id,
        kind: op.kind,
        profileId: op.profileId,
        v: kind.version,
        createdAt: timestamp,
        updatedAt: timestamp,
        data: parsed.data,
      };
      written.push(record);
      changes.push(new RecordPut(group, idTag, record, utf8Batch));
    }
    const dropped = options.dropProfiles ?? [];
    const profileKinds = this.kinds.profileKinds();
    for (const profileId of dropped) for (const kind of profileKinds) touchedGroup(touched, profileId, kind.name);
    await this.pages.apply(
      changes,
      dropped.flatMap((p) => profileKinds.map((k) => this.group(p, k.name))),
    );
    this.emitChanges([...touched.values()]);
    return written;
  }

  // The typed reads below only name the type: the data was checked against the kind's schema when
  // written and comes back authenticated and migrated to its current version.

  /** One record of `kind`, with the kind's own data type; null when there is none with this id. */
  get<K extends RecordKind>(profileId: string, kind: K, id: string): Promise<VaultRecord<KindData<K>> | null> {
    return this.getByName(profileId, kind.name, id) as Promise<VaultRecord<KindData<K>> | null>;
  }

  /** All records of `kind` in the profile, with the kind's own data type, and those that could not be read. */
  list<K extends RecordKind>(profileId: string, kind: K): Promise<RecordList<KindData<K>>> {
    return this.listByName(profileId, kind.name) as Promise<RecordList<KindData<K>>>;
  }

  /** A record by its kind's name, as a message names it: its data is of no known type. */
  async getByName(profileId: string, kindName: string, id: string): Promise<VaultRecord | null> {
    const kind = this.kind(kindName, profileId);
    const bytes = await this.pages.readOne(this.group(profileId, kindName), this.idTag(profileId, kindName, id));
    if (!bytes) return null;
    const record = this.fromStored(profileId, kind, decodeEnvelope(bytes));
    if (!record) throw new VaultError('record-from-newer-version', kindName);
    return record;
  }

  /**
   * The records of a kind by its name, as a message names it: their data is of no known type.
   * With `between`, the records are decoded `DECODE_SLICE` at a time and `between` is awaited
   * after each slice, so a caller can let other work run (the group itself is read and opened at
   * once by the page store).
   */
  async listByName(profileId: string, kindName: string, between?: () => Promise<void>): Promise<RecordList> {
    const kind = this.kind(kindName, profileId);
    const contents = await this.pages.readGroup(this.group(profileId, kindName));
    const list: RecordList = {
      records: [],
      damaged: contents.damaged.map((d) => ({ profileId, kind: kindName, ref: d.ref, reason: d.reason })),
    };
    const slice = between ? DECODE_SLICE : contents.records.length;
    for (let from = 0; from < contents.records.length; from += slice) {
      if (from > 0) await between!();
      const stored = contents.records.slice(from, from + slice);
      const envelopes = decodeEnvelopes(stored.map((r) => r.bytes));
      stored.forEach((one, i) => {
        const envelope = envelopes[i];
        const record = envelope ? this.fromStored(profileId, kind, envelope) : null;
        if (record) list.records.push(record);
        else {
          const reason = envelope ? 'newer-version' : 'integrity';
          list.damaged.push({ profileId, kind: kindName, ref: toBase64Url(one.idTag), reason });
        }
      });
    }
    return list;
  }

  /**
   * The current version of each kind's group in the profile (0 when it holds nothing), from the
   * top page manifest alone. Any write to a group changes its version, so what was derived from
   * records of these kinds is still current while the versions are the same.
   */
  async groupVersions(profileId: string, kinds: readonly RecordKind[]): Promise<Record<string, number>> {
    for (const kind of kinds) this.kind(kind.name, profileId);
    const versions = await this.pages.groupVersions(kinds.map((kind) => this.group(profileId, kind.name)));
    return Object.fromEntries(kinds.map((kind, i) => [kind.name, versions[i]!]));
  }

  /** Removes records that failed their integrity check, once the user has seen the report. */
  async discardDamaged(profileId: string, kindName: string, refs: string[]): Promise<void> {
    this.kind(kindName, profileId);
    await this.pages.discardDamaged(this.group(profileId, kindName), refs);
    this.emitChanges([{ profileId, kind: kindName, ids: [] }]);
  }

  /** Null when the record was written by a newer version of the schema than this code knows. */
  private fromStored(profileId: string, kind: RecordKind, envelope: Envelope): VaultRecord | null {
    if (envelope.v > kind.version) return null;
    let data = envelope.data;
    for (let v = envelope.v; v < kind.version; v++) data = kind.migrations[v]!(data);
    return { ...envelope, v: kind.version, kind: kind.name, profileId, data };
  }

  private emitChanges(changes: RecordChange[]): void {
    if (changes.length === 0) return;
    for (const listener of this.listeners) listener(changes);
  }
}

const deleted = (): null => null;

/**
 * The change that puts one record: its bytes are made once the page store has read its current
 * copy, whose createdAt it keeps. One object per record, where a closure would take three (the
 * change, the function and its scope), all kept alive until the write lands.
 */
class RecordPut implements PageChange {
  constructor(
    readonly group: string,
    readonly idTag: Uint8Array,
    private readonly record: VaultRecord,
    private readonly encoder: Utf8Batch,
  ) {}

  update(previous: Uint8Array | null): Uint8Array {
    const record = this.record;
    if (previous) record.createdAt = decodeEnvelope(previous).createdAt;
    const envelope: Envelope = { id: record.id, v: record.v, createdAt: record.createdAt, updatedAt: record.updatedAt, data: record.data };
    return this.encoder.encode(JSON.stringify(envelope));
  }
}

function touchedGroup(touched: Map<string, RecordChange>, profileId: string, kind: string): RecordChange {
  const key = `${profileId}\u0000${kind}`;
  let change = touched.get(key);
  if (!change) touched.set(key, (change = { profileId, kind, ids: [] }));
  return change;
}

/** Envelopes were written by this code and authenticated on the way out, so they are not re-parsed by zod. */
function decodeEnvelope(bytes: Uint8Array): Envelope {
  return JSON.parse(fromUtf8(bytes)) as Envelope;
}

/**
 * Decodes many envelopes with one UTF-8 decode and one JSON.parse (joined as a JSON array):
 * per-record calls cost more than the bytes. Should the batch not parse, each record is decoded
 * alone and one that cannot be comes back as null.
 */
function decodeEnvelopes(records: Uint8Array[]): (Envelope | null)[] {
  if (records.length === 0) return [];
  const joined = new Uint8Array(records.reduce((n, r) => n + r.length + 1, 1));
  let at = 0;
  records.forEach((record, i) => {
    joined[at] = i === 0 ? 0x5b : 0x2c; // '[' before the first record, ',' between records
    joined.set(record, at + 1);
    at += record.length + 1;
  });
  joined[at] = 0x5d; // ']'
  try {
    const parsed: unknown = JSON.parse(fromUtf8(joined));
    if (Array.isArray(parsed) && parsed.length === records.length) return parsed as Envelope[];
  } catch {
    // fall through to one by one
  }
  return records.map((bytes) => {
    try {
      return decodeEnvelope(bytes);
    } catch {
      return null;
    }
  });
}
