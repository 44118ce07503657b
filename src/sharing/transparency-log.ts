/**
 * The transparency log's chain and its signed head. Each entry's hash is SHA-256 over the
 * JCS-canonical JSON of its body, and each body names the hash of the entry before: changing,
 * dropping or reordering any entry breaks every hash after it. The chain alone cannot show that
 * entries were cut off the end, so the head (last seq and hash) is signed with a profile's
 * Ed25519 key, and every exported file carries that signature. Pure (zod, noble, canonicalize):
 * an exported file can be checked anywhere with `verifyLogFile`.
 *
 * What the signature cannot show: that no entry came after it. A file exported earlier is a
 * true, signed account of the log as it was then; only a later copy reveals later entries.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { ed25519Jwk, jwkFingerprint } from '../bundle/keys';
import { canonicalJson, parseJws, signJws, verifyEd25519 } from '../bundle/jws';
import { GENESIS_HASH, LogEntry, LogEntryBody, SignedLogHead, type LogEntry as Entry } from '../records/sharing/transparency-entry';
import { fromBase64Url, toBase64Url } from '../shared/base64url';
import { utf8 } from '../shared/bytes';
import type { ChainCheck, LogCheck, LogFileCheck, LogProblem } from '../records/sharing/log-check';

export type { ChainCheck, LogCheck, LogFileCheck, LogProblem };

/** The hash of an entry body (everything but `hash`). */
export function entryHash(body: LogEntryBody): string {
  return toBase64Url(sha256(utf8(canonicalJson(LogEntryBody.parse(body)))));
}

/** The next entry after `head` (null: the log is empty). */
export function nextEntry(head: Pick<Entry, 'seq' | 'hash'> | null, body: Omit<LogEntryBody, 'seq' | 'prevHash'>): Entry {
  const full: LogEntryBody = { ...body, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? GENESIS_HASH };
  return { ...full, hash: entryHash(full) };
}

const broken = (count: number, brokenAt: number, reason: LogProblem, detail: string): ChainCheck & { valid: false } => ({
  valid: false,
  count,
  brokenAt,
  reason,
  detail,
});

/** Checks entries in seq order: every hash, every link, no gaps. */
export function verifyChain(entries: readonly unknown[]): ChainCheck {
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  const n = entries.length;
  for (let i = 0; i < n; i++) {
    const parsed = LogEntry.safeParse(entries[i]);
    if (!parsed.success) return broken(n, i + 1, 'malformed', `entry ${i + 1} is not a log entry`);
    const { hash, ...body } = parsed.data;
    if (body.seq !== prevSeq + 1) return broken(n, body.seq, 'sequence', `entry ${body.seq} follows entry ${prevSeq}: entries are missing or out of order`);
    if (body.prevHash !== prevHash) return broken(n, body.seq, 'link', `entry ${body.seq} does not name the hash of the entry before it`);
    if (entryHash(body) !== hash) return broken(n, body.seq, 'hash', `entry ${body.seq} was changed after it was written`);
    prevSeq = body.seq;
    prevHash = hash;
  }
  return { valid: true, count: n, head: prevSeq === 0 ? null : { seq: prevSeq, hash: prevHash } };
}

// ---------------------------------------------------------------------------------------------
// The signed head

const HEAD_JWS_TYPE = 'handlerum-log-head+jws';
const HEAD_STATEMENT_TYPE = 'handlerum-transparency-log-head';

/** The canonical JSON the head's signature covers. */
function headStatement(head: Omit<SignedLogHead, 'jws'>): string {
  return canonicalJson({ type: HEAD_STATEMENT_TYPE, seq: head.seq, hash: head.hash, signedAt: head.signedAt, signingKey: head.signingKey });
}

/**
 * Signs the log's head (null: the empty log) with a profile's Ed25519 secret seed.
 * @throws {RangeError} if the key is not 32 bytes.
 */
export function signLogHead(head: Pick<Entry, 'seq' | 'hash'> | null, signedAt: string, signingSecretKey: Uint8Array): SignedLogHead {
  const signingKey = ed25519Jwk(signingSecretKey);
  const unsigned = { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH, signedAt, signingKey };
  return SignedLogHead.parse({ ...unsigned, jws: signJws(headStatement(unsigned), HEAD_JWS_TYPE, jwkFingerprint(signingKey), signingSecretKey) });
}

/** Whether the head's JWS is the named key's signature over exactly these seq, hash and time. */
export function headSignatureHolds(head: SignedLogHead): boolean {
  const jws = parseJws(head.jws);
  if (typeof jws === 'string') return false;
  const { alg, kid, typ } = jws.header;
  if (alg !== 'EdDSA' || typ !== HEAD_JWS_TYPE || kid !== jwkFingerprint(head.signingKey)) return false;
  if (jws.payloadText !== headStatement(head)) return false;
  return verifyEd25519(jws.signature, jws.signingInput, fromBase64Url(head.signingKey.x, 'signingKey.x'));
}

/** Compares the chain's own end with the signed head: entries cut off, or a head that is not the chain's. */
export function checkAgainstHead(check: ChainCheck, head: SignedLogHead): ChainCheck {
  if (!check.valid) return check;
  const end = check.head ?? { seq: 0, hash: GENESIS_HASH };
  if (end.seq < head.seq) {
    return broken(check.count, end.seq + 1, 'cut', `the signed head is entry ${head.seq}, but the log ends at entry ${end.seq}: entries were cut off the end`);
  }
  if (end.seq !== head.seq || end.hash !== head.hash) {
    return broken(check.count, head.seq, 'head', `the log ends at entry ${end.seq}, which is not the signed head (entry ${head.seq})`);
  }
  return check;
}

// ---------------------------------------------------------------------------------------------
// The exported file

export const LOG_FILE_TYPE = 'handlerum-transparency-log';

export const LogFile = z.strictObject({
  type: z.literal(LOG_FILE_TYPE),
  version: z.literal(2),
  exportedAt: z.iso.datetime({ offset: true }),
  head: SignedLogHead,
  entries: z.array(z.unknown()),
});
export type LogFile = z.infer<typeof LogFile>;

/** The exported file (entries in seq order), ready for JSON.stringify. */
export function logFile(entries: readonly Entry[], head: SignedLogHead, exportedAt: string): LogFile {
  return { type: LOG_FILE_TYPE, version: 2, exportedAt, head, entries: [...entries] };
}

export interface VerifyLogOptions {
  /** The signer's Ed25519 public key (base64url) as the citizen handed it out: any other signer fails. */
  signingKey?: string;
}

/**
 * Checks an exported log file: its form, the head's signature (and signer, when one is
 * expected), the chain, and that the chain ends exactly at the signed head.
 */
export function verifyLogFile(json: unknown, options: VerifyLogOptions = {}): LogFileCheck {
  const kind = z.looseObject({ type: z.literal(LOG_FILE_TYPE), version: z.int() }).safeParse(json);
  if (!kind.success) return broken(0, 0, 'not-a-log', 'the file is not a Handlerum transparency log');
  if (kind.data.version === 1) return broken(0, 0, 'unsigned', 'the file is of version 1, whose head is not signed: cut entries would go unnoticed');
  const file = LogFile.safeParse(json);
  if (!file.success) return broken(0, 0, 'not-a-log', `the log file is malformed (${file.error.issues[0]?.path.join('.') || 'file'})`);
  const { head, entries } = file.data;
  if (!headSignatureHolds(head)) {
    return broken(entries.length, 0, 'signature', 'the signature does not cover this head: the head or its signature was changed');
  }
  if (options.signingKey !== undefined && options.signingKey !== head.signingKey.x) {
    return broken(entries.length, 0, 'signer', 'the head is signed by another key than the one expected');
  }
  const check = checkAgainstHead(verifyChain(entries), head);
  if (!check.valid) return check;
  return { ...check, signer: { signingKey: head.signingKey.x, fingerprint: jwkFingerprint(head.signingKey) }, signedAt: head.signedAt };
}
