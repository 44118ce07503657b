/**
 * The IndexedDB schema (Dexie). Two tables, and nothing personal outside ciphertext:
 *  - meta:  the vault header (KDF parameters, wrapped keys) — no personal data.
 *  - pages: sealed pages of records, found by opaque keyed tags (see page-codec.ts).
 * Versions are append-only: add `this.version(n + 1)` with an upgrade, never edit an old one.
 */
import Dexie, { type Table } from 'dexie';
import type { PageRow } from './page-codec';

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DEFAULT_DB_NAME = 'handlerum-vault';

export class VaultDb extends Dexie {
  meta!: Table<MetaRow, string>;
  pages!: Table<PageRow, string>;

  constructor(name = DEFAULT_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ meta: '&key', pages: '&key, group' });
  }
}
