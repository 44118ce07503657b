/**
 * Moving backup files across the message boundary, which carries JSON only: the file goes in
 * base64url chunks of TRANSFER_CHUNK_BYTES, one call per chunk.
 */
import { callVault } from '../messaging/client';
import { TRANSFER_CHUNK_BYTES } from '../messaging/api';
import type { BackupHeader } from '../vault/public-types';
import { fromBase64Url, toBase64Url } from '../shared/base64url';

export interface DownloadedBackup {
  blob: Blob;
  fileName: string;
}

export async function fetchBackup(): Promise<DownloadedBackup> {
  const { transferId, chunkCount, fileName } = await callVault('backupCreate', {});
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let index = 0; index < chunkCount; index++) {
    const { data } = await callVault('backupRead', { transferId, index });
    parts.push(fromBase64Url(data) as Uint8Array<ArrayBuffer>);
  }
  return { blob: new Blob(parts, { type: 'application/octet-stream' }), fileName };
}

export interface UploadedBackup {
  transferId: string;
  header: BackupHeader;
}

/** Sends a chosen file to the background and reads its unencrypted header (date, KDF params). */
export async function uploadBackup(file: Blob): Promise<UploadedBackup> {
  const { transferId, chunkCount } = await callVault('restoreBegin', { size: file.size });
  for (let index = 0; index < chunkCount; index++) {
    const chunk = file.slice(index * TRANSFER_CHUNK_BYTES, (index + 1) * TRANSFER_CHUNK_BYTES);
    const data = toBase64Url(new Uint8Array(await chunk.arrayBuffer()));
    await callVault('restoreWrite', { transferId, index, data });
  }
  return { transferId, header: await callVault('restoreInspect', { transferId }) };
}
