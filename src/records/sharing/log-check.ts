/**
 * What checking a transparency log finds. Types only: the checks are in src/sharing, and the
 * message API (which imports nothing from src/sharing) hands their result to the UI.
 */

/** Why a log does not verify; `detail` says it in a sentence for whoever checks a file by hand. */
export type LogProblem = 'not-a-log' | 'unsigned' | 'signature' | 'signer' | 'malformed' | 'hash' | 'link' | 'sequence' | 'cut' | 'head';

export type ChainCheck =
  | { valid: true; count: number; head: { seq: number; hash: string } | null }
  | { valid: false; count: number; brokenAt: number; reason: LogProblem; detail: string };

export type LogFileCheck =
  | { valid: true; count: number; head: { seq: number; hash: string } | null; signer: { signingKey: string; fingerprint: string }; signedAt: string }
  | (ChainCheck & { valid: false });

/** The vault's own check of its log: as a file's, but an empty log has nothing signed yet. */
export type LogCheck = LogFileCheck | { valid: true; count: 0; head: null; signer: null; signedAt: null };
