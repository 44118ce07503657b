/**
 * The backup file: the whole vault in one file, still encrypted, integrity-protected, versioned.
 *
 *   "HNDLRMBK"  u16 version  u32 n  header (n bytes of JSON: vault header, row count, stream nonce)
 *   chunks: u32 length, then XChaCha20-Poly1305 ciphertext of up to 1 MiB of the row stream
 *
 * The row stream (version 2) starts with the sealed page manifests (u32 count, then each with its
 * meta key), then each page row with its format and version; version 1 files have no manifests
 * (the vault makes them when it is opened).
 *
 * Chunk i is sealed with nonce = streamNonce(16) ‖ u32 i ‖ u32 last, and the file header as
 * associated data (the STREAM construction also used by age): chunks cannot be reordered,
 * dropped, cut off at the end, or moved to another file. The key is derived from the vault's
 * data key, which the header's wraps give back with the passphrase or the recovery key.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { z } from 'zod';
import { framed, u32s } from './crypto/bytes';
import type { VaultKeys } from './crypto/keys';
import { isVaultError, VaultError } from './errors';
import { parseHeader, VaultHeaderSchema, type VaultHeader } from './header';
import type { PageRow } from './storage/page-codec';
import type { StoredManifest } from './storage/page-manifest';
import { fromBase64Url, isBase64Url, toBase64Url } from '../shared/base64url';
import { concatBytes, fromUtf8, randomBytes, utf8 } from '../shared/bytes';

/** A page manifest as a row of the `meta` table. */
export interface ManifestRow {
  key: string;
  value: StoredManifest;
}

const MAGIC = utf8('HNDLRMBK');
export const BACKUP_VERSION = 2;
const CHUNK_SIZE = 1 << 20;

const BackupHeaderSchema = z.object({
  createdAt: z.string(),
  rowCount: z.number().int().nonnegative(),
  streamNonce: z.string().refine(isBase64Url),
  vault: VaultHeaderSchema,
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

const chunkNonce = (streamNonce: Uint8Array, counter: number, last: boolean) => {
  const nonce = new Uint8Array(24);
  nonce.set(streamNonce);
  const view = new DataView(nonce.buffer);
  view.setUint32(16, counter);
  view.setUint32(20, last ? 1 : 0);
  return nonce;
};

const encodeManifests = (rows: ManifestRow[]): Uint8Array =>
  concatBytes(u32s(rows.length), ...rows.map(({ key, value }) => framed(key, u32s(value.v), value.nonce, value.ciphertext)));
const encodeRow = (row: PageRow): Uint8Array => framed(row.key, row.group, u32s(row.v, row.version ?? 0), row.nonce, row.index, row.body);

interface RowStream {
  manifests: ManifestRow[] | null;
  rows: PageRow[];
}

function decodeStream(stream: Uint8Array, version: number): RowStream {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let at = 0;
  const take = () => {
    if (at + 4 > stream.length) throw new VaultError('backup-corrupt', 'row stream ends early');
    const length = view.getUint32(at);
    if (at + 4 + length > stream.length) throw new VaultError('backup-corrupt', 'row stream ends early');
    const bytes = stream.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    return bytes;
  };
  const fixed = (length: number) => {
    const bytes = take();
    if (bytes.length !== length) throw new VaultError('backup-corrupt', 'row stream field size');
    return new DataView(bytes.slice().buffer);
  };
  let manifests: ManifestRow[] | null = null;
  if (version >= 2) {
    if (stream.length < 4) throw new VaultError('backup-corrupt', 'row stream ends early');
    const count = view.getUint32(0);
    at = 4;
    manifests = [];
    for (let i = 0; i < count; i++) {
      const key = fromUtf8(take());
      manifests.push({ key, value: { v: fixed(4).getUint32(0), nonce: take().slice(), ciphertext: take().slice() } });
    }
  }
  const rows: PageRow[] = [];
  while (at < stream.length) {
    const key = fromUtf8(take());
    const group = fromUtf8(take());
    const numbers = fixed(version >= 2 ? 8 : 4);
    const v = numbers.getUint32(0);
    const row: PageRow = { key, group, v, nonce: take().slice(), index: take().slice(), body: take().slice() };
    if (v !== 1) row.version = numbers.getUint32(4);
    rows.push(row);
  }
  return { manifests, rows };
}

export function writeBackup(vault: VaultHeader, manifests: ManifestRow[], rows: PageRow[], keys: VaultKeys, now = new Date()): Uint8Array {
  const streamNonce = randomBytes(16);
  const header: BackupHeader = { createdAt: now.toISOString(), rowCount: rows.length, streamNonce: toBase64Url(streamNonce), vault };
  const headerBytes = utf8(JSON.stringify(header));
  const prefix = new Uint8Array(MAGIC.length + 6);
  prefix.set(MAGIC);
  const prefixView = new DataView(prefix.buffer);
  prefixView.setUint16(MAGIC.length, BACKUP_VERSION);
  prefixView.setUint32(MAGIC.length + 2, headerBytes.length);
  const ad = framed('handlerum/backup/v1', headerBytes);
  const stream = concatBytes(encodeManifests(manifests), ...rows.map(encodeRow));
  const parts: Uint8Array[] = [prefix, headerBytes];
  const chunkCount = Math.max(1, Math.ceil(stream.length / CHUNK_SIZE));
  for (let i = 0; i < chunkCount; i++) {
    const chunk = stream.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE);
    const sealed = xchacha20poly1305(keys.backup, chunkNonce(streamNonce, i, i === chunkCount - 1), ad).encrypt(chunk);
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, sealed.length);
    parts.push(length, sealed);
  }
  return concatBytes(...parts);
}

export interface ParsedBackup {
  version: number;
  header: BackupHeader;
  headerBytes: Uint8Array;
  body: Uint8Array;
}

/** Reads the unencrypted part of a backup: enough to know how to unlock it. */
export function readBackupHeader(file: Uint8Array): ParsedBackup {
  const hasMagic = file.length >= MAGIC.length + 6 && MAGIC.every((b, i) => file[i] === b);
  if (!hasMagic) throw new VaultError('not-a-backup');
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const version = view.getUint16(MAGIC.length);
  if (version > BACKUP_VERSION) throw new VaultError('backup-from-newer-version', `backup version ${version}`);
  if (version < 1) throw new VaultError('backup-corrupt', `backup version ${version}`);
  const headerLength = view.getUint32(MAGIC.length + 2);
  const start = MAGIC.length + 6;
  if (start + headerLength > file.length) throw new VaultError('backup-truncated', 'header');
  const headerBytes = file.subarray(start, start + headerLength);
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(headerBytes));
  } catch (error) {
    throw new VaultError('backup-corrupt', 'header is not JSON', { cause: error });
  }
  try {
    parseHeader((json as { vault?: unknown } | null)?.vault); // a newer vault format is refused here
  } catch (error) {
    // Only "newer" is worth telling apart; any other fault of the copied header is the file's.
    if (isVaultError(error, 'vault-from-newer-version')) throw error;
    throw new VaultError('backup-corrupt', 'vault header', { cause: error });
  }
  const parsed = BackupHeaderSchema.safeParse(json);
  if (!parsed.success) throw new VaultError('backup-corrupt', 'header fields');
  return { version, header: parsed.data, headerBytes, body: file.subarray(start + headerLength) };
}

/**
 * Decrypts and checks every chunk; throws before anything is returned if any check fails. The
 * manifests are null in a version 1 file.
 */
export function openBackupRows(backup: ParsedBackup, keys: VaultKeys): RowStream {
  const { body, headerBytes, header } = backup;
  const streamNonce = fromBase64Url(header.streamNonce);
  if (streamNonce.length !== 16) throw new VaultError('backup-corrupt', 'stream nonce');
  const ad = framed('handlerum/backup/v1', headerBytes);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (let i = 0; at < body.length; i++) {
    if (at + 4 > body.length) throw new VaultError('backup-truncated', `chunk ${i}`);
    const length = view.getUint32(at);
    const sealed = body.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    if (sealed.length !== length) throw new VaultError('backup-truncated', `chunk ${i}`);
    const open = (last: boolean) => {
      try {
        return xchacha20poly1305(keys.backup, chunkNonce(streamNonce, i, last), ad).decrypt(sealed);
      } catch {
        return null;
      }
    };
    const isFinal = at >= body.length;
    const plain = open(isFinal);
    if (!plain) {
      if (isFinal && open(false)) throw new VaultError('backup-truncated', 'the last chunk is missing');
      throw new VaultError('backup-corrupt', `chunk ${i}`);
    }
    chunks.push(plain);
  }
  if (chunks.length === 0) throw new VaultError('backup-truncated', 'no chunks');
  const contents = decodeStream(concatBytes(...chunks), backup.version);
  if (contents.rows.length !== header.rowCount) throw new VaultError('backup-corrupt', 'row count');
  return contents;
}
