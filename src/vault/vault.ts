/**
 * The vault: its header, its lock state and its keys. Unlocked, it hands out a RecordStore;
 * locked, it holds no key and every record operation fails with `locked`.
 *
 * Passphrase-derived keys come in as `kek` (key-encryption key): the Argon2id work runs in a
 * worker of the page where the passphrase was typed (src/vault/crypto/kdf-worker.ts), so this
 * class — which lives in the background — never blocks on it.
 */
import { KEY_LENGTH } from './crypto/aead';
import { wipe } from './crypto/bytes';
import { KdfParamsSchema, type KdfParams } from './crypto/kdf';
import { deriveVaultKeys, keyedTagText, newDataKey, unwrapDataKey, wipeVaultKeys, wrapDataKey, type VaultKeys } from './crypto/keys';
import { deriveKeyFromRecoverySecret, newRecoveryKey, parseRecoveryKey } from './crypto/recovery-key';
import { openBackupRows, readBackupHeader, writeBackup, type BackupHeader, type ManifestRow } from './backup';
import { storageError, VaultError } from './errors';
import { parseHeader, sealedFromJson, sealedToJson, VAULT_FORMAT, type VaultHeader } from './header';
import { RecordStore } from './record-store';
import type { KindRegistry } from '../records/kind';
import { VaultDb } from './storage/db';
import { MANIFEST_KEY } from './storage/page-manifest';
import { PageStore, type PageStoreOptions } from './storage/page-store';
import { fromBase64Url, toBase64Url } from '../shared/base64url';
import { equalBytes, randomBytes } from '../shared/bytes';
import type { VaultState } from './public-types';

export type { VaultState };

/** A key derived from a passphrase, with the parameters it was derived with. */
export interface PassphraseKey {
  kdf: KdfParams;
  kek: Uint8Array;
}

export type BackupCredential = { method: 'passphrase'; kek: Uint8Array } | { method: 'recovery'; recoveryKey: string; newPassphrase: PassphraseKey };

interface Unlocked {
  dataKey: Uint8Array;
  keys: VaultKeys;
  pages: PageStore;
  records: RecordStore;
}

const HEADER_KEY = 'header';

const keyIdOf = (keys: VaultKeys, vaultId: string) => keyedTagText(keys.tags, 'key-id', vaultId);

export class Vault {
  private unlocked: Unlocked | null = null;
  private readonly lockListeners = new Set<() => void>();

  private constructor(
    readonly db: VaultDb,
    /** The record kinds this vault stores, as given by whoever opened it. */
    readonly kinds: KindRegistry,
    private header: VaultHeader | null,
    private readonly storage: PageStoreOptions,
  ) {}

  /**
   * Opens the vault in `db`, to store the record kinds of `kinds` (src/records/registry.ts in the
   * product). `storage` tunes the page layout; only tests and benchmarks set it.
   */
  static async open(kinds: KindRegistry, db = new VaultDb(), storage: PageStoreOptions = {}): Promise<Vault> {
    let row;
    try {
      row = await db.meta.get(HEADER_KEY);
    } catch (error) {
      throw storageError(error);
    }
    return new Vault(db, kinds, row ? parseHeader(row.value) : null, storage);
  }

  get state(): VaultState {
    if (!this.header) return 'no-vault';
    return this.unlocked ? 'unlocked' : 'locked';
  }

  /** Public parameters the page needs to derive the passphrase key. */
  get kdfParams(): KdfParams {
    return this.requireHeader().kdf;
  }

  get records(): RecordStore {
    if (!this.unlocked) throw new VaultError('locked');
    return this.unlocked.records;
  }

  onLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  private requireHeader(): VaultHeader {
    if (!this.header) throw new VaultError('no-vault');
    return this.header;
  }

  /** Creates the vault and unlocks it. Returns the recovery key, to be shown to the user once. */
  async create(passphrase: PassphraseKey): Promise<{ recoveryKey: string }> {
    if (this.header) throw new VaultError('vault-exists');
    const kdf = KdfParamsSchema.parse(passphrase.kdf);
    const vaultId = toBase64Url(randomBytes(16));
    const dataKey = newDataKey();
    const recovery = newRecoveryKey();
    const recoveryKek = deriveKeyFromRecoverySecret(recovery.secret, vaultId);
    const keys = deriveVaultKeys(dataKey);
    const header: VaultHeader = {
      format: VAULT_FORMAT,
      vaultId,
      createdAt: new Date().toISOString(),
      keyId: keyIdOf(keys, vaultId),
      kdf,
      wraps: {
        passphrase: sealedToJson(wrapDataKey(passphrase.kek, dataKey, 'passphrase', vaultId)),
        recovery: sealedToJson(wrapDataKey(recoveryKek, dataKey, 'recovery', vaultId)),
      },
    };
    wipe(recovery.secret, recoveryKek);
    await this.saveHeader(header);
    this.header = header;
    this.becomeUnlocked(dataKey);
    return { recoveryKey: recovery.text };
  }

  async unlock(kek: Uint8Array): Promise<void> {
    const header = this.requireHeader();
    const dataKey = unwrapDataKey(kek, sealedFromJson(header.wraps.passphrase), 'passphrase', header.vaultId);
    if (!dataKey) throw new VaultError('wrong-passphrase');
    this.becomeUnlocked(dataKey);
  }

  /** Unlocks with the recovery key and sets a new passphrase (the old one is forgotten). */
  async recover(recoveryKey: string, newPassphrase: PassphraseKey): Promise<void> {
    const header = this.requireHeader();
    const dataKey = unwrapWithRecoveryKey(header, recoveryKey);
    await this.saveHeader(rewrapPassphrase(header, dataKey, newPassphrase));
    this.becomeUnlocked(dataKey);
  }

  /** Re-wraps the data key under a new passphrase; no record is re-encrypted. */
  async changePassphrase(currentKek: Uint8Array, next: PassphraseKey): Promise<void> {
    const header = this.requireHeader();
    const dataKey = unwrapDataKey(currentKek, sealedFromJson(header.wraps.passphrase), 'passphrase', header.vaultId);
    if (!dataKey) throw new VaultError('wrong-passphrase');
    await this.saveHeader(rewrapPassphrase(header, dataKey, next));
    if (!this.unlocked) this.becomeUnlocked(dataKey);
  }

  /**
   * DANGEROUS: the raw data key, for the background to keep in session storage (memory only)
   * so that an MV3 service-worker restart does not lock the vault.
   */
  dangerouslyExportDataKey(): Uint8Array {
    if (!this.unlocked) throw new VaultError('locked');
    return this.unlocked.dataKey.slice();
  }

  /** Resumes a session from a data key kept in session storage; refuses a key of another vault. */
  resume(dataKey: Uint8Array): boolean {
    const header = this.requireHeader();
    if (dataKey.length !== KEY_LENGTH) return false;
    if (!equalBytes(fromBase64Url(keyIdOf(deriveVaultKeys(dataKey), header.vaultId)), fromBase64Url(header.keyId))) return false;
    this.becomeUnlocked(dataKey.slice());
    return true;
  }

  lock(): void {
    if (!this.unlocked) return;
    const { dataKey, keys, pages } = this.unlocked;
    pages.close();
    wipe(dataKey);
    wipeVaultKeys(keys);
    this.unlocked = null;
    for (const listener of this.lockListeners) listener();
  }

  /** The whole vault as one encrypted file, with the page manifests as they stand. */
  async backup(): Promise<Uint8Array> {
    const header = this.requireHeader();
    if (!this.unlocked) throw new VaultError('locked');
    await this.unlocked.pages.prepare();
    let rows;
    let manifests;
    try {
      [rows, manifests] = await this.db.transaction('r', this.db.pages, this.db.meta, () =>
        Promise.all([this.db.pages.toArray(), this.manifestRows().toArray()]),
      );
    } catch (error) {
      throw storageError(error);
    }
    if (!this.unlocked) throw new VaultError('locked'); // locked while the rows were read
    return writeBackup(header, manifests as ManifestRow[], rows, this.unlocked.keys);
  }

  /** The page manifests' rows of the meta table (page-manifest.ts). */
  private manifestRows() {
    return this.db.meta.where('key').startsWith(MANIFEST_KEY);
  }

  /** What a backup file says about itself before it is unlocked (KDF parameters, dates). */
  static inspectBackup(file: Uint8Array): BackupHeader {
    return readBackupHeader(file).header;
  }

  /**
   * Replaces this browser's vault with the backup's. Everything is decrypted and checked first;
   * only then are the old contents replaced, in one transaction.
   */
  async restore(file: Uint8Array, credential: BackupCredential): Promise<void> {
    const backup = readBackupHeader(file);
    let header = backup.header.vault;
    let dataKey: Uint8Array | null;
    if (credential.method === 'passphrase') {
      dataKey = unwrapDataKey(credential.kek, sealedFromJson(header.wraps.passphrase), 'passphrase', header.vaultId);
      if (!dataKey) throw new VaultError('wrong-passphrase');
    } else {
      dataKey = unwrapWithRecoveryKey(header, credential.recoveryKey);
      header = rewrapPassphrase(header, dataKey, credential.newPassphrase);
    }
    const keys = deriveVaultKeys(dataKey);
    const { rows, manifests } = openBackupRows(backup, keys);
    try {
      await this.db.transaction('rw', this.db.meta, this.db.pages, async () => {
        await this.db.pages.clear();
        await this.db.pages.bulkPut(rows);
        await this.db.meta.put({ key: HEADER_KEY, value: header });
        // A version 1 backup has none: the vault makes them from its pages when next used.
        await this.manifestRows().delete();
        if (manifests) await this.db.meta.bulkPut(manifests);
      });
    } catch (error) {
      throw storageError(error);
    }
    this.lock();
    this.header = header;
    this.becomeUnlocked(dataKey);
  }

  private async saveHeader(header: VaultHeader): Promise<void> {
    try {
      await this.db.meta.put({ key: HEADER_KEY, value: header });
    } catch (error) {
      throw storageError(error);
    }
    this.header = header;
  }

  private becomeUnlocked(dataKey: Uint8Array): void {
    if (this.unlocked) this.lock();
    const keys = deriveVaultKeys(dataKey);
    const pages = new PageStore(this.db, keys, this.storage);
    this.unlocked = { dataKey, keys, pages, records: new RecordStore(pages, keys, this.kinds) };
  }
}

function unwrapWithRecoveryKey(header: VaultHeader, recoveryKey: string): Uint8Array {
  const kek = deriveKeyFromRecoverySecret(parseRecoveryKey(recoveryKey), header.vaultId);
  const dataKey = unwrapDataKey(kek, sealedFromJson(header.wraps.recovery), 'recovery', header.vaultId);
  wipe(kek);
  if (!dataKey) throw new VaultError('wrong-recovery-key');
  return dataKey;
}

function rewrapPassphrase(header: VaultHeader, dataKey: Uint8Array, next: PassphraseKey): VaultHeader {
  const kdf = KdfParamsSchema.parse(next.kdf);
  const passphrase = sealedToJson(wrapDataKey(next.kek, dataKey, 'passphrase', header.vaultId));
  return { ...header, kdf, wraps: { ...header.wraps, passphrase } };
}
