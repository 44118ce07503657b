/**
 * What sharing is built from, and the limits and lifetimes its parts agree on. Browser APIs
 * come in as small injected functions, so all of sharing runs in unit tests.
 */
import type { FetchLike } from '../../municipal/connector/http';
import { findKind } from '../../records/registry';
import type { KindData, RecordKind } from '../../records/kind';
import type { Vault, VaultRecord } from '../../vault/index';

export interface SharingServiceDeps {
  vault: Vault;
  fetch: FetchLike;
  /** permissions.contains for a host pattern such as https://example.dk/* */
  hasHostPermission: (pattern: string) => Promise<boolean>;
  /**
   * The municipal connector's inbox (municipalInboxSend): resolves with the municipality's
   * verified receipt, throws its VaultError otherwise. Absent: that delivery is not offered.
   */
  municipalInbox?: (args: { profileId: string; caseVaultId: string; payload: { type: 'bundle'; data: string } }) => Promise<{ receipt: { id: string } }>;
  /**
   * The municipal connector's PDF of a document (municipalDocumentPdf): the kept copy, or
   * fetched from the municipality when the vault did not keep it. Absent: only kept PDFs go.
   */
  municipalDocumentPdf?: (args: { profileId: string; documentId: string }) => Promise<{ data: string }>;
  /** The largest bundle made, in bytes (default {@link MAX_BUNDLE_BYTES}). */
  maxBundleBytes?: number;
  now?: () => number;
}

/** The vault's records API, as the parts of sharing read and write it. */
export type Records = Vault['records'];

/** The records of a kind, or none when this build does not know the kind. */
export async function listIfKnown<K extends RecordKind>(records: Records, profileId: string, kind: K): Promise<VaultRecord<KindData<K>>[]> {
  if (!findKind(kind.name)) return [];
  return (await records.list(profileId, kind)).records;
}

/** The clock every part of sharing reads, with its ISO form. */
export interface Clock {
  now(): number;
  iso(ms?: number): string;
}

export function clock(now: () => number): Clock {
  return { now, iso: (ms = now()) => new Date(ms).toISOString() };
}

/**
 * The largest bundle the vault makes: it is built, encrypted and held in the background's
 * memory in one piece, and most receivers' upload limits are well below it.
 */
export const MAX_BUNDLE_BYTES = 100 * 1024 * 1024;

/** How long a made bundle, its download and the PDFs fetched for it are held in memory. */
export const BUNDLE_TTL_MS = 30 * 60 * 1000;
