/**
 * Puts of one kind into one profile, packed for the message boundary: the ids as one string,
 * the data as one JSON text. Chrome converts a message object by object on both sides, which
 * for 100,000 bank rows cost more than the vault's own write; one string crosses as one value,
 * and the router checks the batch once instead of each operation. Fields every operation's data
 * has with one value (an import's account, import id, currency) travel once, in `shared`: they
 * were a large part of a bank row's bytes. Packed by `packWrites` (write-parts.ts), unpacked by the
 * router's schema (api.ts).
 */
import type { WriteOp } from '../vault/public-types';

/** `ids` joined by `PACKED_ID_SEPARATOR`; `data` a JSON array of their data, in the same order. */
export interface PackedPuts {
  profileId: string;
  kind: string;
  ids: string;
  data: string;
  /** A JSON object of fields each of `data`'s objects lacks and gets back on unpacking. */
  shared?: string | undefined;
}

/** A packed part's `shared` text: a few fields, never a row's worth of data. */
export const MAX_SHARED_CHARS = 64 * 1024;

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields with a primitive value that every one of `data` has, with that value; `null` when
 * there are none, or `data` holds anything but plain objects.
 */
function sharedFields(data: readonly unknown[]): Fields | null {
  const first = data[0];
  if (!isFields(first)) return null;
  const shared = new Map<string, unknown>();
  for (const [key, value] of Object.entries(first)) if (value === null || (value !== undefined && typeof value !== 'object')) shared.set(key, value);
  for (let i = 1; i < data.length && shared.size > 0; i++) {
    const row = data[i];
    if (!isFields(row)) return null;
    for (const [key, value] of shared) if (row[key] !== value || !Object.hasOwn(row, key)) shared.delete(key);
  }
  return shared.size > 0 ? Object.fromEntries(shared) : null;
}

/** `row` without the fields of `shared`. */
function withoutShared(row: Fields, shared: Fields): Fields {
  const out: Fields = {};
  for (const key in row) if (!Object.hasOwn(shared, key)) out[key] = row[key];
  return out;
}

/** The `data` (and `shared`, when some fields are) of a packed part of these operations' data. */
export function packData(values: readonly unknown[]): Pick<PackedPuts, 'data' | 'shared'> {
  // One row shares nothing: its fields would only move.
  const shared = values.length > 1 ? sharedFields(values) : null;
  const sharedText = shared ? JSON.stringify(shared) : '';
  if (!shared || sharedText.length > MAX_SHARED_CHARS) return { data: JSON.stringify(values) };
  return { data: JSON.stringify(values.map((row) => withoutShared(row as Fields, shared))), shared: sharedText };
}

/** Record ids are base64url, so a comma never occurs in one. */
export const PACKED_ID_SEPARATOR = ',';

/** The ids of a packed part, checked in one pass: each a record id, comma-separated. */
export const PACKED_IDS = /^[A-Za-z0-9_-]{1,128}(?:,[A-Za-z0-9_-]{1,128})*$/;

/** The operations of a packed part whose ids match `PACKED_IDS`, or what is wrong with its data. */
export function unpackPuts(packed: PackedPuts, maxOps: number): { ops: WriteOp[] } | { problem: string } {
  const ids = packed.ids.split(PACKED_ID_SEPARATOR);
  if (ids.length > maxOps) return { problem: `${ids.length} packed puts, more than ${maxOps}` };
  let data: unknown;
  try {
    data = JSON.parse(packed.data);
  } catch (error) {
    return { problem: `packed data is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!Array.isArray(data) || data.length !== ids.length) return { problem: `packed data is not an array of ${ids.length} values` };
  const { profileId, kind } = packed;
  if (packed.shared === undefined) return { ops: ids.map((id, i): WriteOp => ({ op: 'put', profileId, kind, id, data: data[i] as unknown })) };
  let shared: unknown;
  try {
    shared = JSON.parse(packed.shared);
  } catch (error) {
    return { problem: `packed shared fields are not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isFields(shared)) return { problem: 'packed shared fields are not an object' };
  const rows: unknown[] = data;
  if (!rows.every(isFields)) return { problem: 'packed data with shared fields is not an array of objects' };
  // Spread copies own fields only: a "__proto__" key in the JSON stays a field, never a prototype.
  return { ops: ids.map((id, i): WriteOp => ({ op: 'put', profileId, kind, id, data: { ...shared, ...(rows[i] as Fields) } })) };
}
