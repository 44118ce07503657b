/** Small shared fixtures for vault tests: cheap KDF parameters, fresh databases, property-test sizes. */
import type { KdfParams } from '../../../src/vault/crypto/kdf';
import { isVaultError } from '../../../src/vault/errors';
import { VaultDb } from '../../../src/vault/storage/db';
import { Vault, type PassphraseKey } from '../../../src/vault/vault';
import { toBase64Url } from '../../../src/shared/base64url';
import { randomBytes } from '../../../src/shared/bytes';
import { recordKinds } from '../../../src/records/registry';
import { profileKind } from '../../../src/records/profile';
import { VAULT_SCOPE } from '../../../src/vault/record-store';
import type { PageStoreOptions } from '../../../src/vault/storage/page-store';
import type { PageRow } from '../../../src/vault/storage/page-codec';
import type { z } from 'zod';

/** Property tests run a few cases by default and many under SLOW=1. */
export const SLOW = process.env.SLOW === '1';
export const runs = (fast: number, slow = fast * 50): { numRuns: number } => ({ numRuns: SLOW ? slow : fast });

/** The smallest parameters the schema accepts: these tests are about the vault, not Argon2. */
export const testKdf = (): KdfParams => ({
  algorithm: 'argon2id',
  memoryKiB: 8192,
  iterations: 1,
  parallelism: 1,
  salt: toBase64Url(randomBytes(16)),
});

/** A random key stands in for Argon2id(passphrase): the vault only ever sees the derived key. */
export const passphraseKey = (): PassphraseKey => ({ kdf: testKdf(), kek: randomBytes(32) });

let dbCounter = 0;
/** Every test gets its own database, so tests cannot see each other's rows. */
export const freshDb = (label = 'test'): VaultDb => new VaultDb(`${label}-${++dbCounter}-${toBase64Url(randomBytes(6))}`);

export interface CreatedVault {
  vault: Vault;
  db: VaultDb;
  key: PassphraseKey;
  recoveryKey: string;
}

/** Where a test's vault is opened: its own fresh database unless `db` is given. */
export interface VaultPlace {
  db?: VaultDb;
  storage?: PageStoreOptions;
}

/** A new, unlocked vault in a fresh database (or `place.db`). */
export async function createdVault(label?: string, place: VaultPlace = {}): Promise<CreatedVault> {
  const db = place.db ?? freshDb(label);
  const vault = await Vault.open(recordKinds, db, place.storage);
  const key = passphraseKey();
  const { recoveryKey } = await vault.create(key);
  return { vault, db, key, recoveryKey };
}

type ProfileData = z.infer<typeof profileKind.schema>;

/** Writes a profile into the vault (vault-scoped) and answers its id. */
export async function addProfile(vault: Vault, profile: ProfileData): Promise<string> {
  const [written] = await vault.records.write([{ op: 'put', profileId: VAULT_SCOPE, kind: profileKind.name, data: profile }]);
  return written!.id;
}

/** Where most record tests start: a new vault holding the owner's own profile. */
export async function vaultWithProfile(label: string, name = 'Thomas', place: VaultPlace = {}): Promise<CreatedVault & { profileId: string }> {
  const created = await createdVault(label, place);
  return { ...created, profileId: await addProfile(created.vault, { name, relation: 'self' }) };
}

/** The code of the VaultError that `run` throws (or its promise rejects with); says so when there is none or another error. */
export async function errorCode(run: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof run === 'function' ? run() : run);
  } catch (error) {
    return isVaultError(error) ? error.code : `not a VaultError: ${String(error)}`;
  }
  return 'no error';
}

/** Every row of both tables, for before/after comparisons. */
export async function allRows(db: VaultDb): Promise<{ meta: unknown[]; pages: unknown[] }> {
  return { meta: await db.meta.orderBy('key').toArray(), pages: await db.pages.orderBy('key').toArray() };
}

/** The one page row that `write` adds or rewrites (the page of the one record it writes). */
export async function touchedRow(db: VaultDb, write: () => Promise<unknown>): Promise<PageRow> {
  const before = new Map((await db.pages.toArray()).map((r) => [r.key, r.nonce.join()]));
  await write();
  const touched = (await db.pages.toArray()).filter((r) => before.get(r.key) !== r.nonce.join());
  if (touched.length !== 1) throw new Error(`the write touched ${touched.length} page rows, not one`);
  return touched[0]!;
}

/**
 * A database whose next writes can be made to fail as a full disk does: IndexedDB rejects the
 * write request with a QuotaExceededError inside the transaction (injected as Dexie middleware).
 */
export function diskThatFills(label = 'full'): { db: VaultDb; fill: (full: boolean) => void } {
  const db = freshDb(label);
  let full = false;
  db.use({
    stack: 'dbcore',
    name: 'quota-exceeded',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) =>
            full && request.type !== 'delete' && request.type !== 'deleteRange'
              ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
              : table.mutate(request),
        };
      },
    }),
  });
  return { db, fill: (value) => void (full = value) };
}
