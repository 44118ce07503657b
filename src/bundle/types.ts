/**
 * The public types of the bundle API: what the citizen's vault passes in to make a bundle, and
 * what a receiver gets back when opening one. Pure (no platform types).
 */
import type { BundleManifest, ConsentReceipt, ProvenanceEntry, Purpose, Scope } from './schemas';

export type { BundleManifest, ConsentReceipt, ProvenanceEntry, Purpose, Scope };

/** One file in the bundle besides the manifest, e.g. `files/transactions.csv`. */
export interface BundleFile {
  path: string;
  mediaType: string;
  /**
   * When opened: read on first use, a view into the bundle's decrypted contents where the file
   * lies in one buffer (its `.buffer` may hold other files too), else joined once from the
   * decrypted chunks (Node).
   */
  bytes: Uint8Array;
}

/** Whom the bundle is encrypted to: an age X25519 key (`age1…`), or a passphrase (age scrypt). */
export type BundleRecipient = { kind: 'x25519'; ageRecipient: string; name?: string } | { kind: 'passphrase'; passphrase: string; name?: string };

/** What the citizen chose to share. */
export interface ShareContent {
  purpose: Purpose;
  scope: Scope;
  /** Typed JSON; goes in `data.json`. */
  data: Record<string, unknown>;
  /** Standard-format copies and documents, under `files/` (see the helpers in `standard/`). */
  files?: BundleFile[];
  /** Municipal page signatures, or `{ source, attestedBy: 'citizen' }` for unsigned sources. */
  provenance: ProvenanceEntry[];
  /** ISO/IEC TS 27560-shaped consent receipt. */
  consent: ConsentReceipt;
  /** Where revocation notices go, if the recipient has such an endpoint. */
  recipientEndpoint?: string;
}

export interface CreateBundleInput {
  issuer: { signingSecretKey: Uint8Array; name: string };
  recipient: BundleRecipient;
  content: ShareContent;
  issuedAt: Date;
  /** Defaults to `issuedAt`. */
  notBefore?: Date;
  expiresAt: Date;
  /** Defaults to 16 random bytes in base64url. */
  id?: string;
  /** Source of randomness (age file key, ephemeral key, scrypt salt, payload nonce, id); fixed only for test vectors. */
  random?: (n: number) => Uint8Array;
  /** log2 of scrypt's N for passphrase bundles (default 18, as the age CLI). */
  scryptWorkFactor?: number;
}

/** Why a bundle was not opened. */
export type OpenFailureReason =
  | 'not-a-bundle'
  | 'wrong-key'
  | 'tampered'
  | 'unsupported-version'
  | 'bad-signature'
  | 'not-for-you'
  | 'not-yet-valid'
  | 'expired'
  | 'revoked'
  /** Larger than the receiver's limit, or data.json nested deeper than it can safely read. */
  | 'too-large';

export type OpenResult =
  | {
      ok: true;
      manifest: BundleManifest;
      /**
       * data.json's value. With `parseData: 'on-first-read'` it is parsed when first read (then
       * kept), and reading it throws `BundleDataError` (code `tampered`) if the signed bytes are
       * not a UTF-8 JSON object.
       */
      data: Record<string, unknown>;
      /** data.json's exact bytes, as signed: for saving or offering the file as it came (a view, as a file's bytes are). */
      dataJson: Uint8Array;
      files: BundleFile[];
      consent: ConsentReceipt;
      provenance: ProvenanceEntry[];
    }
  | {
      ok: false;
      reason: OpenFailureReason;
      detail: string;
      /**
       * Only for `too-large` when every check up to revocation passed and data.json was merely
       * too deep to read: the bundle's files as they came (data.json, consent.json,
       * provenance.json, files/…), each matching its signed digest, to offer as raw files.
       */
      verifiedFiles?: BundleFile[];
    };

export interface OpenOptions {
  /** An age X25519 identity (`AGE-SECRET-KEY-1…`), or the passphrase of a passphrase bundle. */
  identity: string | { passphrase: string };
  now: Date;
  /** Asked with the bundle id once everything else checked out. */
  revoked?: (id: string, manifest: BundleManifest) => boolean | Promise<boolean>;
  /** Highest scrypt work factor accepted (default and at most 20: 1 GiB of memory). */
  maxScryptWorkFactor?: number;
  /** Largest bundle opened, in bytes (default 128 MiB). */
  maxBundleBytes?: number;
  /** Deepest nesting of data.json read (default 64; deeper data is `too-large`). */
  maxDataDepth?: number;
  /**
   * When data.json is parsed: `at-open` (the default for `openBundle`) makes a data.json that is
   * not JSON a `tampered` verdict; `on-first-read` (the receiver kit's `open`) checks all the
   * same before returning — digests, signature, depth — and parses `data` only when it is read,
   * which for a large bundle is most of the time opening would take.
   */
  parseData?: 'at-open' | 'on-first-read';
}
