/** The vault core's public surface. */
export { Vault, type VaultState, type PassphraseKey, type BackupCredential } from './vault';
export { VaultError, isVaultError, type VaultErrorCode } from './errors';
export { RecordStore, VAULT_SCOPE, type VaultRecord, type RecordList, type DamagedRecord, type WriteOp, type RecordChange } from './record-store';
export { VaultDb, DEFAULT_DB_NAME } from './storage/db';
export { DEFAULT_KDF, newKdfParams, deriveKeyFromPassphrase, type KdfParams } from './crypto/kdf';
