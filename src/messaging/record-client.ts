/**
 * Typed record reads for the UI pages. The background checked each record against its kind's
 * schema when it was written and authenticated it when it was read, so its data is of the kind's
 * type: the one claim to that effect is made here, for every page, not at each call site.
 */
import type { z } from 'zod';
import type { KindData, RecordKind } from '../records/kind';
import type { RecordList, VaultRecord } from '../vault/public-types';
import { callVault } from './client';

/** All records of `kind` in the profile, with the kind's own data type. */
export async function listRecords<K extends RecordKind>(profileId: string, kind: K): Promise<RecordList<KindData<K>>> {
  return (await callVault('listRecords', { profileId, kind: kind.name })) as RecordList<KindData<K>>;
}

/** Writes one record of `kind` (the background checks it against the kind's schema) and returns it as stored. */
export async function putRecord<K extends RecordKind>(profileId: string, kind: K, data: z.input<K['schema']>, id?: string): Promise<VaultRecord<KindData<K>>> {
  const [written] = await callVault('writeRecords', { ops: [{ op: 'put', profileId, kind: kind.name, ...(id ? { id } : {}), data }] });
  return written as VaultRecord<KindData<K>>;
}

/** One record of `kind`, with the kind's own data type; null when there is none with this id. */
export async function getRecord<K extends RecordKind>(profileId: string, kind: K, id: string): Promise<VaultRecord<KindData<K>> | null> {
  return (await callVault('getRecord', { profileId, kind: kind.name, id })) as VaultRecord<KindData<K>> | null;
}
