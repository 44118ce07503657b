/**
 * The page side of attachments: checking a chosen file, storing it as one atomic write (the
 * description and every part together, so a failure leaves nothing half-stored), reading it
 * back with its SHA-256 checked, and deleting it with all its parts.
 */
import { callVault } from '../../messaging/client';
import { getRecord, listRecords } from '../../messaging/record-client';
import {
  ATTACHMENT_MAX_BYTES,
  attachmentContentId,
  attachmentContentKind,
  attachmentKind,
  joinContent,
  splitContent,
  type AttachmentContentData,
  type AttachmentData,
} from '../../records/own/index';
import type { VaultRecord } from '../../vault/public-types';
import { toBase64Url } from '../../shared/base64url';
import { randomBytes } from '../../shared/bytes';
import { CodedError } from '../../shared/coded-error';

export interface RecordRef {
  kind: string;
  id: string;
}

/** Why a file was not taken or not opened; each has its own message in the UI. */
export type FileProblemCode = 'too-large' | 'empty' | 'unreadable' | 'damaged';

export class FileProblem extends CodedError<FileProblemCode> {
  override readonly name = 'FileProblem';
}

export const sha256Base64Url = async (bytes: Uint8Array): Promise<string> =>
  toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));

/** A media type the record schema takes: the browser's, or the generic one when it has none or an odd one. */
export function mediaTypeOf(type: string): string {
  const bare = type.split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(bare) ? bare : 'application/octet-stream';
}

/** Checks size before reading: a file over the limit is refused without loading it into memory. */
export function checkFileSize(size: number): void {
  if (size > ATTACHMENT_MAX_BYTES) throw new FileProblem('too-large');
  if (size === 0) throw new FileProblem('empty');
}

/** Reads a chosen file. @throws {FileProblem} `too-large`, `empty`, `unreadable` (moved, deleted, no permission). */
export async function readChosenFile(file: File): Promise<Uint8Array> {
  checkFileSize(file.size);
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch {
    throw new FileProblem('unreadable');
  }
  const bytes = new Uint8Array(buffer);
  checkFileSize(bytes.length);
  return bytes;
}

/** Stores a file attached to `attachedTo`. @throws {FileProblem} or a VaultError from the write. */
export async function storeAttachment(
  profileId: string,
  attachedTo: RecordRef,
  file: { name: string; type: string; bytes: Uint8Array },
  note = '',
): Promise<VaultRecord<AttachmentData>> {
  checkFileSize(file.bytes.length);
  const id = toBase64Url(randomBytes(16));
  const parts = splitContent(id, file.bytes);
  const data: AttachmentData = {
    fileName: file.name.trim().slice(0, 255) || 'fil',
    mediaType: mediaTypeOf(file.type),
    size: file.bytes.length,
    sha256: await sha256Base64Url(file.bytes),
    chunks: parts.length,
    attachedTo,
    ...(note.trim() ? { note: note.trim().slice(0, 2000) } : {}),
  };
  // The description goes last: it is what lists show, so it exists only with every part.
  const written = await callVault('writeRecords', {
    ops: [
      ...parts.map((p) => ({ op: 'put' as const, profileId, kind: attachmentContentKind.name, id: p.id, data: p.data })),
      { op: 'put' as const, profileId, kind: attachmentKind.name, id, data },
    ],
  });
  return written.at(-1) as VaultRecord<AttachmentData>;
}

/** The attachments of one record, newest first. */
export async function listAttachments(profileId: string, attachedTo: RecordRef): Promise<VaultRecord<AttachmentData>[]> {
  const list = await listRecords(profileId, attachmentKind);
  return list.records
    .filter((a) => a.data.attachedTo.kind === attachedTo.kind && a.data.attachedTo.id === attachedTo.id)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The file's bytes, checked against its SHA-256. @throws {FileProblem} `damaged` when a part is missing or altered. */
export async function readAttachment(profileId: string, attachment: VaultRecord<AttachmentData>): Promise<Uint8Array> {
  const parts: AttachmentContentData[] = [];
  for (let i = 0; i < attachment.data.chunks; i++) {
    const part = await getRecord(profileId, attachmentContentKind, attachmentContentId(attachment.id, i));
    if (!part) throw new FileProblem('damaged');
    parts.push(part.data);
  }
  let bytes: Uint8Array;
  try {
    bytes = joinContent(attachment, parts);
  } catch {
    throw new FileProblem('damaged');
  }
  if ((await sha256Base64Url(bytes)) !== attachment.data.sha256) throw new FileProblem('damaged');
  return bytes;
}

/** Deletes the description and every part in one write. */
export async function deleteAttachment(profileId: string, attachment: VaultRecord<AttachmentData>): Promise<void> {
  const ops = [{ op: 'delete' as const, profileId, kind: attachmentKind.name, id: attachment.id }];
  for (let i = 0; i < attachment.data.chunks; i++)
    ops.push({ op: 'delete', profileId, kind: attachmentContentKind.name, id: attachmentContentId(attachment.id, i) });
  await callVault('writeRecords', { ops });
}

/** File size in plain words, counted in 1024s like the limit: "312 kB", "2,4 MB". */
export function sizeText(bytes: number, locale: string): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}
