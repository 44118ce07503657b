/**
 * Puts of one kind into one profile, packed for the message boundary: the ids as one string,
 * the data as one JSON text. Chrome converts a message object by object on both sides, which
 * for 100,000 bank rows cost more than the vault's own write; one string crosses as one value,
 * and the router checks the batch once instead of each operation. Packed by
 * `packWrites` (write-parts.ts), unpacked by the router's schema (api.ts).
 */
import type { WriteOp } from '../vault/public-types';

/** `ids` joined by `PACKED_ID_SEPARATOR`; `data` a JSON array of their data, in the same order. */
export interface PackedPuts {
  profileId: string;
  kind: string;
  ids: string;
  data: string;
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
  return { ops: ids.map((id, i): WriteOp => ({ op: 'put', profileId, kind, id, data: data[i] as unknown })) };
}
