/**
 * The transparency log's chain: each entry's hash is SHA-256 over the JCS-canonical JSON of its
 * body, and each body names the hash of the entry before. Changing, dropping or reordering any
 * entry breaks every hash after it. Pure (zod, noble, canonicalize): the exported file can be
 * checked anywhere with `verifyLogFile`.
 *
 * What the chain cannot show by itself: that entries were cut off the end. The export names its
 * head (last seq and hash), so a copy kept elsewhere can be compared with a later one.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { GENESIS_HASH, LogEntry, LogEntryBody, type LogEntry as Entry } from '../records/sharing/transparency-entry';

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The hash of an entry body (everything but `hash`). */
export function entryHash(body: LogEntryBody): string {
  const text = canonicalize(LogEntryBody.parse(body));
  if (text === undefined) throw new TypeError('entryHash: body is not serialisable');
  return base64url(sha256(encoder.encode(text)));
}

/** The next entry after `head` (null: the log is empty). */
export function nextEntry(head: Pick<Entry, 'seq' | 'hash'> | null, body: Omit<LogEntryBody, 'seq' | 'prevHash'>): Entry {
  const full: LogEntryBody = { ...body, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? GENESIS_HASH };
  return { ...full, hash: entryHash(full) };
}

export type ChainCheck =
  | { valid: true; count: number; head: { seq: number; hash: string } | null }
  | { valid: false; count: number; brokenAt: number; reason: 'malformed' | 'hash' | 'link' | 'sequence' };

/** Checks entries in seq order: every hash, every link, no gaps. */
export function verifyChain(entries: readonly unknown[]): ChainCheck {
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const parsed = LogEntry.safeParse(entries[i]);
    if (!parsed.success) return { valid: false, count: entries.length, brokenAt: i + 1, reason: 'malformed' };
    const { hash, ...body } = parsed.data;
    if (body.seq !== prevSeq + 1) return { valid: false, count: entries.length, brokenAt: body.seq, reason: 'sequence' };
    if (body.prevHash !== prevHash) return { valid: false, count: entries.length, brokenAt: body.seq, reason: 'link' };
    if (entryHash(body) !== hash) return { valid: false, count: entries.length, brokenAt: body.seq, reason: 'hash' };
    prevSeq = body.seq;
    prevHash = hash;
  }
  return { valid: true, count: entries.length, head: prevSeq === 0 ? null : { seq: prevSeq, hash: prevHash } };
}

export const LOG_FILE_TYPE = 'handlerum-transparency-log';

export const LogFile = z.strictObject({
  type: z.literal(LOG_FILE_TYPE),
  version: z.literal(1),
  exportedAt: z.iso.datetime({ offset: true }),
  head: z.strictObject({ seq: z.int().min(0), hash: z.string() }),
  entries: z.array(z.unknown()),
});
export type LogFile = z.infer<typeof LogFile>;

/** The exported file (entries in seq order), ready for JSON.stringify. */
export function logFile(entries: readonly Entry[], exportedAt: string): LogFile {
  const last = entries.at(-1);
  return { type: LOG_FILE_TYPE, version: 1, exportedAt, head: { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH }, entries: [...entries] };
}

/**
 * Checks an exported log file: its form, the chain, and that the head it names is the chain's.
 * Returns `{ valid: false, reason: 'not-a-log' }` for a file that is not one.
 */
export function verifyLogFile(json: unknown): ChainCheck | { valid: false; count: 0; brokenAt: 0; reason: 'not-a-log' | 'head' } {
  const file = LogFile.safeParse(json);
  if (!file.success) return { valid: false, count: 0, brokenAt: 0, reason: 'not-a-log' };
  const check = verifyChain(file.data.entries);
  if (!check.valid) return check;
  const head = check.head ?? { seq: 0, hash: GENESIS_HASH };
  if (head.seq !== file.data.head.seq || head.hash !== file.data.head.hash) return { valid: false, count: 0, brokenAt: 0, reason: 'head' };
  return check;
}
