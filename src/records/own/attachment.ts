/**
 * The citizen's own files, attached to any record (a case, a payment, a document…).
 *
 * The file's bytes are kept apart from its description, in `attachment-content` records of at
 * most 1 MiB each: listing a record's attachments never loads the files, and a large file does
 * not become one huge sealed page (the page store seals a whole page per write, and one
 * IndexedDB row per page; see src/vault/storage/page-codec.ts).
 */
import { z } from 'zod';
import { defineKind } from '../kind';
import { fromBase64Url, toBase64Url } from '../../shared/base64url';

/** The largest file the vault takes (25 MiB). */
export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;
/** Bytes per content record. */
export const ATTACHMENT_CHUNK_BYTES = 1024 * 1024;
const MAX_CHUNKS = ATTACHMENT_MAX_BYTES / ATTACHMENT_CHUNK_BYTES;
/** The longest attachment id whose content ids still fit the record id limit of 128 characters. */
const MAX_ATTACHMENT_ID = 120;

const Sha256 = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a SHA-256 in base64url');
const RecordRef = z.object({ kind: z.string().min(1).max(60), id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/) });

export const attachmentKind = defineKind({
  name: 'attachment',
  countsAsImport: true,
  scope: 'profile',
  version: 1,
  description: "A file of the citizen's own (PDF, image…) attached to a record: its name, type, size and SHA-256; the bytes are in attachment-content records.",
  schema: z
    .object({
      fileName: z.string().trim().min(1).max(255),
      /** As the browser reported it; `application/octet-stream` when it did not know. */
      mediaType: z.string().regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i),
      size: z.int().min(1).max(ATTACHMENT_MAX_BYTES),
      sha256: Sha256,
      /** How many content records hold the bytes (ids from `attachmentContentId`). */
      chunks: z.int().min(1).max(MAX_CHUNKS),
      attachedTo: RecordRef,
      note: z.string().max(2000).optional(),
    })
    .refine((a) => a.chunks === Math.ceil(a.size / ATTACHMENT_CHUNK_BYTES), { message: 'chunks does not match size', path: ['chunks'] }),
});

export const attachmentContentKind = defineKind({
  name: 'attachment-content',
  scope: 'profile',
  version: 1,
  description: 'One part (at most 1 MiB) of the bytes of an attachment, base64url.',
  schema: z.object({
    attachmentId: RecordRef.shape.id,
    index: z
      .int()
      .min(0)
      .max(MAX_CHUNKS - 1),
    /** base64url of at most ATTACHMENT_CHUNK_BYTES bytes. */
    data: z
      .string()
      .min(1)
      .max(Math.ceil((ATTACHMENT_CHUNK_BYTES * 4) / 3))
      .regex(/^[A-Za-z0-9_-]+$/),
  }),
});

export type AttachmentData = z.infer<typeof attachmentKind.schema>;
export type AttachmentContentData = z.infer<typeof attachmentContentKind.schema>;

/** A stored part that is not canonical base64url is unreadable content, like a missing part. */
function decodePart(data: string, i: number): Uint8Array {
  try {
    return fromBase64Url(data, `parts[${i}].data`);
  } catch (cause) {
    throw new RangeError(`parts[${i}]: not canonical base64url`, { cause });
  }
}

/**
 * The id of an attachment's nth content record. The suffix is `-<digits>`, read from the
 * right, so two (attachment, index) pairs never give the same id.
 * @throws {RangeError} for an id too long to carry the suffix, or a bad index.
 */
export function attachmentContentId(attachmentId: string, index: number): string {
  if (attachmentId.length < 1 || attachmentId.length > MAX_ATTACHMENT_ID) throw new RangeError(`attachmentId: 1 to ${MAX_ATTACHMENT_ID} characters`);
  if (!Number.isInteger(index) || index < 0 || index >= MAX_CHUNKS) throw new RangeError(`index: 0 to ${MAX_CHUNKS - 1}`);
  return `${attachmentId}-${index}`;
}

/** The content records of a file, in order. @throws {RangeError} when the file is empty or too large. */
export function splitContent(attachmentId: string, bytes: Uint8Array): { id: string; data: AttachmentContentData }[] {
  if (bytes.length === 0) throw new RangeError('bytes: the file is empty');
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw new RangeError(`bytes: more than ${ATTACHMENT_MAX_BYTES}`);
  const parts: { id: string; data: AttachmentContentData }[] = [];
  for (let at = 0, index = 0; at < bytes.length; at += ATTACHMENT_CHUNK_BYTES, index++) {
    const data = toBase64Url(bytes.subarray(at, at + ATTACHMENT_CHUNK_BYTES));
    parts.push({ id: attachmentContentId(attachmentId, index), data: { attachmentId, index, data } });
  }
  return parts;
}

/**
 * Joins content records back into the file. The caller checks the SHA-256.
 * @throws {RangeError} when a part is missing, foreign, out of order or the wrong size.
 */
export function joinContent(attachment: { id: string; data: Pick<AttachmentData, 'size' | 'chunks'> }, parts: AttachmentContentData[]): Uint8Array {
  if (parts.length !== attachment.data.chunks) throw new RangeError(`parts: expected ${attachment.data.chunks}, got ${parts.length}`);
  const out = new Uint8Array(attachment.data.size);
  let at = 0;
  parts.forEach((part, i) => {
    if (part.attachmentId !== attachment.id || part.index !== i) throw new RangeError(`parts[${i}]: not part ${i} of this attachment`);
    const bytes = decodePart(part.data, i);
    if (at + bytes.length > out.length) throw new RangeError('parts: longer than the attachment size');
    out.set(bytes, at);
    at += bytes.length;
  });
  if (at !== out.length) throw new RangeError('parts: shorter than the attachment size');
  return out;
}
