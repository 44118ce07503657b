/**
 * The backup file format (src/vault/backup.ts): write → read gives identical rows, and every
 * damaged, cut-off or foreign file is refused with a typed error before anything is returned.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openBackupRows, readBackupHeader, writeBackup, BACKUP_VERSION, type ManifestRow } from '../../src/vault/backup';
import { deriveVaultKeys, type VaultKeys } from '../../src/vault/crypto/keys';
import { isVaultError, type VaultErrorCode } from '../../src/vault/errors';
import type { VaultHeader } from '../../src/vault/header';
import type { PageRow } from '../../src/vault/storage/page-codec';
import { MANIFEST_KEY } from '../../src/vault/storage/page-manifest';
import { runs, vaultWithProfile } from './support/setup-vault';
import { concatBytes, equalBytes, randomBytes, utf8 } from '../../src/shared/bytes';

const FILE_ERRORS: VaultErrorCode[] = ['backup-corrupt', 'backup-truncated', 'not-a-backup', 'backup-from-newer-version', 'vault-from-newer-version'];

/** A small real vault: its header, its keys, its rows and one backup file of it. */
async function smallBackup(): Promise<{ header: VaultHeader; keys: VaultKeys; rows: PageRow[]; manifests: ManifestRow[]; file: Uint8Array }> {
  const { vault, db, profileId } = await vaultWithProfile('backup', 'Åse');
  await vault.records.write([{ op: 'put', profileId, kind: 'note', data: { title: 'Tandlæge', body: 'Tirsdag' } }]);
  const keys = deriveVaultKeys(vault.dangerouslyExportDataKey());
  const header = (await db.meta.get('header'))!.value as VaultHeader;
  const rows = await db.pages.toArray();
  const manifests = (await db.meta.where('key').startsWith(MANIFEST_KEY).toArray()) as ManifestRow[];
  return { header, keys, rows, manifests, file: await vault.backup() };
}

/** The code of the error reading the file throws, or null when it reads. */
function readError(file: Uint8Array, keys: VaultKeys): string | null {
  try {
    openBackupRows(readBackupHeader(file), keys);
    return null;
  } catch (error) {
    return isVaultError(error) ? error.code : `not a VaultError: ${(error as Error).name}`;
  }
}

const sortRows = (rows: PageRow[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));

describe('backup write → read', () => {
  it('gives back identical rows and the page manifests', async () => {
    const { keys, rows, manifests, file } = await smallBackup();
    expect(manifests.length).toBe(3); // the top one and one per group
    expect(rows.length).toBe(2);
    const parsed = readBackupHeader(file);
    expect(parsed.version).toBe(BACKUP_VERSION);
    expect(parsed.header.rowCount).toBe(2);
    const read = openBackupRows(parsed, keys);
    expect(sortRows(read.rows)).toEqual(sortRows(rows));
    expect(read.manifests).toEqual(manifests);
  });

  it('round-trips random rows, including none and rows spanning several 1 MiB chunks', async () => {
    const { header, keys, manifests } = await smallBackup();
    const fields = {
      // Keys and groups are tag text (base64url and dots), never arbitrary UTF-16.
      key: fc.stringMatching(/^[A-Za-z0-9_.-]{0,30}$/),
      group: fc.stringMatching(/^[A-Za-z0-9_-]{0,30}$/),
      nonce: fc.uint8Array({ maxLength: 24 }),
      index: fc.uint8Array({ maxLength: 100 }),
      body: fc.uint8Array({ maxLength: 300 }),
    };
    // Format 1 pages have no version; every later format has one.
    const row = fc.oneof(
      fc.record({ ...fields, v: fc.constant(1) }),
      fc.record({ ...fields, v: fc.integer({ min: 2, max: 2 ** 32 - 1 }), version: fc.nat({ max: 2 ** 32 - 1 }) }),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        expect(openBackupRows(readBackupHeader(writeBackup(header, manifests, rows, keys)), keys)).toEqual({ manifests, rows });
      }),
      runs(40),
    );
    const big: PageRow[] = [0, 1, 2].map((i) => ({
      key: `k${i}`,
      group: 'g',
      v: 1,
      nonce: randomBytes(24),
      index: new Uint8Array(44),
      body: randomBytes(900_000),
    }));
    const read = openBackupRows(readBackupHeader(writeBackup(header, manifests, big, keys)), keys).rows;
    // Compared byte-wise: toEqual walks megabytes one element at a time.
    expect(read.map((r) => r.key)).toEqual(big.map((r) => r.key));
    read.forEach((r, i) => expect(equalBytes(r.body, big[i]!.body)).toBe(true));
  });

  it('says what it is before it is unlocked: KDF parameters, row count, date', async () => {
    const { header, file } = await smallBackup();
    const parsed = readBackupHeader(file);
    expect(parsed.header.vault).toEqual(header);
    expect(Number.isNaN(Date.parse(parsed.header.createdAt))).toBe(false);
  });

  it('cannot be read with the keys of another vault', async () => {
    const { file } = await smallBackup();
    expect(readError(file, deriveVaultKeys(randomBytes(32)))).toBe('backup-corrupt');
  });
});

describe('damaged backup files', () => {
  it('any single-byte change, anywhere in the file → a typed error', async () => {
    const { keys, file } = await smallBackup();
    const seen = new Set<string>();
    for (let at = 0; at < file.length; at++) {
      for (const xor of [0x01, 0x20, 0xff]) {
        const changed = file.slice();
        changed[at]! ^= xor;
        const code = readError(changed, keys);
        expect(FILE_ERRORS, `byte ${at} ^ ${xor}`).toContain(code);
        seen.add(code!);
      }
    }
    expect(seen).toContain('not-a-backup');
    expect(seen).toContain('backup-corrupt');
  });

  it('truncation at every length → a typed error', async () => {
    const { keys, file } = await smallBackup();
    for (let length = 0; length < file.length; length++) {
      const code = readError(file.subarray(0, length), keys);
      expect(FILE_ERRORS, `cut to ${length} bytes`).toContain(code);
    }
  });

  it('a cut at a chunk boundary of a many-chunk file → backup-truncated (the last chunk is marked)', async () => {
    const { header, keys, manifests } = await smallBackup();
    const rows: PageRow[] = [0, 1].map((i) => ({
      key: `k${i}`,
      group: 'g',
      v: 1,
      nonce: randomBytes(24),
      index: new Uint8Array(0),
      body: randomBytes(700_000),
    }));
    const file = writeBackup(header, manifests, rows, keys);
    const { body } = readBackupHeader(file);
    const firstChunk = 4 + new DataView(body.buffer, body.byteOffset).getUint32(0);
    const cut = file.subarray(0, file.length - body.length + firstChunk);
    expect(readError(cut, keys)).toBe('backup-truncated');
  });

  it('extra bytes after the last chunk → a typed error', async () => {
    const { keys, file } = await smallBackup();
    expect(FILE_ERRORS).toContain(readError(concatBytes(file, new Uint8Array([0, 0, 0, 0])), keys));
    expect(FILE_ERRORS).toContain(readError(concatBytes(file, randomBytes(40)), keys));
  });

  it.each([
    ['an empty file', new Uint8Array(0)],
    ['a text file', utf8('Kære Søren, her er dine papirer.\n')],
    ['a PDF', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')],
    ['random bytes', randomBytes(2000)],
  ])('%s → not-a-backup', async (_, file) => {
    const { keys } = await smallBackup();
    expect(readError(file, keys)).toBe('not-a-backup');
  });

  it('a newer backup version → backup-from-newer-version', async () => {
    const { keys, file } = await smallBackup();
    const newer = file.slice();
    new DataView(newer.buffer).setUint16(8, BACKUP_VERSION + 1);
    expect(readError(newer, keys)).toBe('backup-from-newer-version');
  });

  it('a header from a newer vault format → vault-from-newer-version', async () => {
    const { header, keys, rows, manifests } = await smallBackup();
    const file = writeBackup({ ...header, format: header.format + 1 }, manifests, rows, keys);
    expect(readError(file, keys)).toBe('vault-from-newer-version');
  });

  it('a header that is JSON but not a vault header → backup-corrupt', async () => {
    const { header, keys, rows, manifests } = await smallBackup();
    const file = writeBackup({ ...header, kdf: { ...header.kdf, salt: 'not base64url!!!!!!!!!!!' } }, manifests, rows, keys);
    expect(readError(file, keys)).toBe('backup-corrupt');
  });
});
