/**
 * The receiver kit for integrators (Node and the browser): open a Handlerum bundle and get
 * typed, validated data, or a typed reason why not. Imports only the bundle format
 * (src/bundle); no platform types, so it bundles for any JavaScript runtime.
 *
 * @example
 * ```ts
 * import { open, revocationList } from 'handlerum/receiver';
 * const result = await open(bytes, { identity: 'AGE-SECRET-KEY-1…', now: new Date(), revoked: revocationList(notices) });
 * if (result.ok) use(result.data); else log(result.reason);
 * ```
 */
import {
  checkStatus,
  generateIdentity,
  jwkFingerprint,
  openBundle,
  statusUrl,
  verifyRevocation,
  type BundleManifest,
  type BundleStatus,
  type OpenFailureReason,
  type OpenOptions,
  type StatusGet,
  type OpenResult,
} from '../bundle/index';

export type { BundleFile, BundleManifest, ConsentReceipt, OpenFailureReason, OpenOptions, OpenResult, ProvenanceEntry } from '../bundle/index';
export {
  BundleDataError,
  createRevocation,
  DEFAULT_MAX_BUNDLE_BYTES,
  identityToRecipient,
  MAX_DATA_DEPTH,
  MAX_SCRYPT_WORK_FACTOR,
  keyFingerprint,
  recipientFingerprint,
  readStatusAnswer,
  statusUrl,
  verifyMunicipalProvenance,
  verifyRevocation,
  type ProvenanceResult,
  type BundleStatus,
  type RevocationResult,
  type StatusGet,
} from '../bundle/index';
export { humanFingerprint, humanFingerprintGroups, humanFingerprintOf, matchesHumanFingerprint } from '../shared/fingerprint';

/**
 * Opens a bundle: decrypts it with `identity`, checks the citizen's signature, every file's
 * digest, that it was made for this identity, its validity window at `now`, and `revoked`.
 * `data` is parsed when first read (`parseData: 'on-first-read'` unless `options` say
 * `'at-open'`): every byte it is parsed from has been checked by then, and a receiver that
 * reads a few files of a 50 MB bundle does not wait for all of data.json to be parsed.
 *
 * @returns `{ ok: true, manifest, data, files, consent, provenance }`, or `{ ok: false, reason,
 * detail }` with `reason` one of `not-a-bundle`, `wrong-key`, `tampered`,
 * `unsupported-version`, `bad-signature`, `not-for-you`, `not-yet-valid`, `expired`, `revoked`,
 * `too-large` (over `maxBundleBytes`, a scrypt work factor over 20, or data.json nested deeper
 * than `maxDataDepth`; then, if all else checked out, `verifiedFiles` holds the raw files).
 * @throws never; reading `data` of a bundle whose signed data.json is not a JSON object throws
 * {@link BundleDataError} (opened `'at-open'`, such a bundle is `tampered`).
 */
export const open = (bundle: Uint8Array, options: OpenOptions): Promise<OpenResult> => openBundle(bundle, { parseData: 'on-first-read', ...options });

/** What `verify` tells: who sent it, to whom, for what, and until when. */
export interface BundleSummary {
  id: string;
  issuer: { name: string; fingerprint: string };
  recipient: BundleManifest['recipient'];
  purpose: BundleManifest['purpose'];
  scope: BundleManifest['scope'];
  issuedAt: string;
  validFrom: string;
  validUntil: string;
  /** Where the bundle's status can be checked ({@link checkBundleStatus}), or null when it names no place. */
  statusPlace: string | null;
  files: { path: string; mediaType: string; size: number }[];
}

export type VerifyResult = { ok: true; summary: BundleSummary } | { ok: false; reason: OpenFailureReason; detail: string };

/**
 * Checks a bundle as {@link open} does and returns only its summary (no data), for showing a
 * person what they received before they use it.
 * @throws never.
 */
export async function verify(bundle: Uint8Array, options: OpenOptions): Promise<VerifyResult> {
  const result = await openBundle(bundle, options);
  // A summary carries no data, not even the raw files of a too-deep bundle.
  if (!result.ok) return { ok: false, reason: result.reason, detail: result.detail };
  return { ok: true, summary: summaryOf(result.manifest) };
}

function summaryOf(m: BundleManifest): BundleSummary {
  return {
    id: m.id,
    issuer: { name: m.issuer.name, fingerprint: jwkFingerprint(m.issuer.jwk) },
    recipient: m.recipient,
    purpose: m.purpose,
    scope: m.scope,
    issuedAt: m.issuedAt,
    validFrom: m.notBefore,
    validUntil: m.expiresAt,
    statusPlace: statusUrl(m),
    files: m.files.map((f) => ({ path: f.path, mediaType: f.mediaType, size: f.size })),
  };
}

export type StatusResult = { ok: true; summary: BundleSummary; status: BundleStatus } | { ok: false; reason: OpenFailureReason; detail: string };

/**
 * Checks a bundle as {@link verify} does, then asks the place the bundle names whether it has
 * ended. `get` makes the request (with a timeout); a place that cannot be reached gives
 * `status.state === 'unknown'`, never `active`.
 * @throws never.
 */
export async function checkBundleStatus(bundle: Uint8Array, options: OpenOptions, get: StatusGet): Promise<StatusResult> {
  const result = await openBundle(bundle, options);
  if (!result.ok) return { ok: false, reason: result.reason, detail: result.detail };
  return { ok: true, summary: summaryOf(result.manifest), status: await checkStatus(result.manifest, get) };
}

/**
 * A `revoked` check for {@link open} from the revocation notices a receiver holds: a bundle
 * counts as revoked only by a notice naming its id that verifies with the bundle's own issuer
 * key (a notice from anyone else is ignored).
 */
export function revocationList(notices: readonly string[]): (id: string, manifest: BundleManifest) => boolean {
  return (id, manifest) =>
    notices.some((notice) => {
      const checked = verifyRevocation(notice, manifest.issuer);
      return checked.ok && checked.bundleId === id;
    });
}

/** A new recipient key pair, and its identity file in `age-keygen`'s format. */
export function keygen(now: Date, random?: (n: number) => Uint8Array): { identity: string; recipient: string; file: string } {
  const { identity, recipient } = generateIdentity(random);
  const created = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { identity, recipient, file: `# created: ${created}\n# public key: ${recipient}\n${identity}\n` };
}

/**
 * The identity in an identity file (as `age-keygen` writes it): the first line that is not a
 * comment or blank.
 * @throws {TypeError} if the file holds no `AGE-SECRET-KEY-1…` line.
 */
export function parseIdentityFile(text: string): string {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('#'));
  if (!line || !line.startsWith('AGE-SECRET-KEY-1')) throw new TypeError('identity file: no AGE-SECRET-KEY-1… line');
  return line;
}

/** Why the CLI stopped without a bundle's verdict. */
export type CliFailure = 'internal' | 'usage' | 'unreadable' | 'unwritable';

/**
 * Process exit codes of the CLI: one per reason a bundle is refused, one per other way it can
 * fail (documented in docs/bundle-format.md and the CLI's --help).
 */
export const EXIT_CODES: Record<'ok' | 'status-unknown' | CliFailure | OpenFailureReason, number> = {
  ok: 0,
  internal: 1,
  usage: 2,
  unreadable: 3,
  unwritable: 4,
  'not-a-bundle': 10,
  'wrong-key': 11,
  tampered: 12,
  'unsupported-version': 13,
  'bad-signature': 14,
  'not-for-you': 15,
  'not-yet-valid': 16,
  expired: 17,
  revoked: 18,
  'too-large': 19,
  /** `status` (or `verify --check-status`): genuine, but whether it has ended could not be checked. */
  'status-unknown': 20,
};
