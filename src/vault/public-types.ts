/**
 * The vault's public types: what a record, a list, a write and the vault's state look like to
 * the rest of the product. Types only, so the message API and the pages can name them without
 * loading the encrypted core.
 */
import type { DamageReason } from './storage/page-store';

export type { BackupHeader } from './backup';
export type { DamageReason };

/** Whether a vault exists here, and whether it is open. */
export type VaultState = 'no-vault' | 'locked' | 'unlocked';

export interface VaultRecord<T = unknown> {
  id: string;
  kind: string;
  profileId: string;
  /** Schema version of `data` (always the current one once read). */
  v: number;
  createdAt: string;
  updatedAt: string;
  data: T;
}

export interface DamagedRecord {
  profileId: string;
  kind: string;
  /** An opaque reference (the damaged record's id cannot be read back), or `page:…` for a page. */
  ref: string;
  /**
   * `integrity`: this record failed its check. `page-damaged`, `page-missing`,
   * `page-rolled-back`: a page of records was changed, deleted or put back to an older copy, so
   * records of it may be missing, repeated or older. `newer-version`: written by a newer Handlerum.
   */
  reason: DamageReason | 'newer-version';
}

export interface RecordList<T = unknown> {
  records: VaultRecord<T>[];
  damaged: DamagedRecord[];
}

export type WriteOp =
  { op: 'put'; profileId: string; kind: string; id?: string | undefined; data: unknown } | { op: 'delete'; profileId: string; kind: string; id: string };

export interface RecordChange {
  profileId: string;
  kind: string;
  ids: string[];
}
