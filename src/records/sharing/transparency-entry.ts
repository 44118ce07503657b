import { z } from 'zod';
import { defineKind } from '../kind';
import { IsoDateTime } from './common';

export const LOG_ENTRY_TYPES = ['share', 'export', 'import', 'revocation', 'deletion', 'grant-ended'] as const;
export type LogEntryType = (typeof LOG_ENTRY_TYPES)[number];

/** base64url SHA-256; the first entry's `prevHash` is GENESIS_HASH. */
const Hash = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a base64url SHA-256');
export const GENESIS_HASH = 'A'.repeat(43);

/**
 * The fields an entry's hash covers: everything but the hash itself. The summary says what
 * happened in a few words (recipient, purpose, kinds and counts), never the data itself.
 */
export const LogEntryBody = z.strictObject({
  seq: z.int().min(1),
  prevHash: Hash,
  type: z.enum(LOG_ENTRY_TYPES),
  at: IsoDateTime,
  /** The profile concerned; null for the whole vault (a backup). */
  profileId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,128}$/)
    .nullable(),
  summary: z.strictObject({
    /** Stable words for the UI to render in the citizen's language. */
    what: z.string().min(1).max(200),
    recipient: z.string().max(200).optional(),
    purpose: z.string().max(500).optional(),
    counts: z.record(z.string().max(60), z.int().min(0)).optional(),
    grantId: z.string().max(128).optional(),
    bundleId: z.string().max(100).optional(),
  }),
});
export type LogEntryBody = z.infer<typeof LogEntryBody>;

export const LogEntry = LogEntryBody.extend({ hash: Hash });
export type LogEntry = z.infer<typeof LogEntry>;

/** One entry of the vault's own transparency log: append-only and hash-chained. */
export const transparencyEntryKind = defineKind({
  name: 'transparency-entry',
  pageAccess: 'read-only',
  managedBy: 'the sharing service',
  scope: 'vault',
  version: 1,
  description: 'One entry of the vault\u2019s own log of shares, exports, imports, revocations and deletions, hash-chained to the one before.',
  schema: LogEntry,
});

/**
 * The log's head, signed with a profile's Ed25519 key: a compact JWS (EdDSA) whose payload is
 * the canonical JSON of everything here but `jws` (see src/sharing/transparency-log.ts). The
 * chain shows that no entry was changed; this shows that the log reached `seq` at `signedAt`,
 * so entries cut off the end, or a head rewritten to match, no longer verify.
 */
export const SignedLogHead = z.strictObject({
  /** 0 and GENESIS_HASH for an empty log. */
  seq: z.int().min(0),
  hash: Hash,
  signedAt: IsoDateTime,
  signingKey: z.strictObject({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }),
  jws: z.string().max(2000),
});
export type SignedLogHead = z.infer<typeof SignedLogHead>;

/** The log's signed head, one record for the vault, written in the same transaction as each entry. */
export const transparencyHeadKind = defineKind({
  name: 'transparency-head',
  pageAccess: 'read-only',
  managedBy: 'the sharing service',
  scope: 'vault',
  version: 1,
  description:
    'The newest entry of the vault\u2019s own log (its number and hash), signed with a profile\u2019s key, so cutting entries off the end is detected.',
  schema: SignedLogHead,
});
