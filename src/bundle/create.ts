/**
 * Making a bundle: the files, a manifest listing each file's SHA-256 signed by the citizen's
 * key, a canonical ZIP of them, and age encryption to the recipient. The same input, time and
 * randomness always give the same bytes (test vectors depend on it).
 */
import { randomBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { ageEncrypt, parseAgeRecipient } from './age';
import { canonicalJson, signJws } from './jws';
import { ed25519Jwk, jwkFingerprint, keyFingerprint } from './keys';
import {
  BUNDLE_FORMAT_VERSION,
  BundleData,
  BundleManifest,
  BundlePath,
  ConsentReceipt,
  MANIFEST_JWS_TYPE,
  ProvenanceEntry,
  Purpose,
  Scope,
  type ManifestFile,
} from './schemas';
import type { BundleFile, CreateBundleInput } from './types';
import { writeZip } from './zip';
import { sha256Digest } from './digest';
import { MAX_DATA_DEPTH, MAX_SCRYPT_WORK_FACTOR, jsonDepth } from './limits';
import { toBase64Url } from '../shared/base64url';
import { utf8 } from '../shared/bytes';
import { CodedError } from '../shared/coded-error';

/** The fixed names of the parts every bundle has. */
export const BUNDLE_PATHS = {
  manifest: 'manifest.jws',
  data: 'data.json',
  consent: 'consent.json',
  provenance: 'provenance.json',
} as const;

/** Files the citizen adds (standard copies, documents) live under this folder. */
export const FILES_PREFIX = 'files/';

/** Input the caller got wrong; nothing was made. `detail` names the argument. */
export class BundleInputError extends CodedError<'invalid-input'> {
  override readonly name = 'BundleInputError';
}

const check = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BundleInputError('invalid-input', `${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
};

const jsonFile = (path: string, value: unknown): BundleFile => ({ path, mediaType: 'application/json', bytes: utf8(canonicalJson(value)) });

/**
 * data.json is written with JSON.stringify, not JCS: for 10k records canonicalising took
 * several times longer than everything else in making a bundle, and nothing needs it — the
 * file's exact bytes are what the signed manifest's SHA-256 covers, and receivers parse it,
 * never re-serialise it. The same input object still gives the same bytes.
 */
function dataFile(data: Record<string, unknown>): BundleFile {
  let text: string | undefined;
  try {
    text = JSON.stringify(data);
  } catch (cause) {
    throw new BundleInputError('invalid-input', 'content.data: cannot be written as JSON', { cause });
  }
  if (text === undefined) throw new BundleInputError('invalid-input', 'content.data: has no JSON form');
  const bytes = utf8(text);
  // Receivers refuse deeper data (limits.ts), so it is never made.
  if (jsonDepth(bytes) > MAX_DATA_DEPTH) throw new BundleInputError('invalid-input', `content.data: nested deeper than ${MAX_DATA_DEPTH} levels`);
  return { path: BUNDLE_PATHS.data, mediaType: 'application/json', bytes };
}

/**
 * Creates a bundle: the age-encrypted canonical ZIP described in docs/bundle-format.md.
 *
 * Randomness is drawn in this order (so vectors can fix it): the id (16 bytes, when not
 * given), the age file key (16), the X25519 ephemeral key (32) or scrypt salt (16), the
 * payload nonce (16).
 *
 * @throws {BundleInputError} when the content, times or recipient are not valid (the message
 * names the field); {@link RangeError}/{@link TypeError} for wrong-sized keys.
 */
export async function createBundle(input: CreateBundleInput): Promise<Uint8Array> {
  const random = input.random ?? randomBytes;
  const { content } = input;
  const jwk = ed25519Jwk(input.issuer.signingSecretKey);
  const notBefore = input.notBefore ?? input.issuedAt;
  for (const [name, date] of [
    ['issuedAt', input.issuedAt],
    ['notBefore', notBefore],
    ['expiresAt', input.expiresAt],
  ] as const) {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new BundleInputError('invalid-input', `${name}: not a valid date`);
  }
  if (input.expiresAt.getTime() <= notBefore.getTime()) throw new BundleInputError('invalid-input', 'expiresAt: must be after notBefore');

  let recipient: BundleManifest['recipient'];
  if (input.recipient.kind === 'x25519') {
    let publicKey: Uint8Array;
    try {
      publicKey = parseAgeRecipient(input.recipient.ageRecipient);
    } catch (cause) {
      throw new BundleInputError('invalid-input', 'recipient.ageRecipient: not an age1… X25519 recipient', { cause });
    }
    recipient = { kind: 'x25519', fingerprint: keyFingerprint(publicKey), ...(input.recipient.name ? { name: input.recipient.name } : {}) };
  } else {
    if (input.recipient.passphrase.length === 0) throw new BundleInputError('invalid-input', 'recipient.passphrase: must not be empty');
    recipient = { kind: 'passphrase', ...(input.recipient.name ? { name: input.recipient.name } : {}) };
  }
  const workFactor = input.scryptWorkFactor ?? 18;
  if (!Number.isInteger(workFactor) || workFactor < 1 || workFactor > MAX_SCRYPT_WORK_FACTOR) {
    throw new BundleInputError('invalid-input', `scryptWorkFactor: an integer from 1 to ${MAX_SCRYPT_WORK_FACTOR}`);
  }

  const extra = content.files ?? [];
  for (const [i, f] of extra.entries()) {
    check(BundlePath, f.path, `content.files[${i}].path`);
    if (!f.path.startsWith(FILES_PREFIX)) throw new BundleInputError('invalid-input', `content.files[${i}].path: must start with ${FILES_PREFIX}`);
    if (!(f.bytes instanceof Uint8Array)) throw new BundleInputError('invalid-input', `content.files[${i}].bytes: must be a Uint8Array`);
  }
  if (new Set(extra.map((f) => f.path)).size !== extra.length) throw new BundleInputError('invalid-input', 'content.files: two files have the same path');

  // Checked, then written from the caller's object: zod's copy would turn a `__proto__` key into a prototype.
  check(BundleData, content.data, 'content.data');
  const files: BundleFile[] = [
    dataFile(content.data),
    jsonFile(BUNDLE_PATHS.consent, check(ConsentReceipt, content.consent, 'content.consent')),
    jsonFile(BUNDLE_PATHS.provenance, check(z.array(ProvenanceEntry), content.provenance, 'content.provenance')),
    ...extra,
  ];
  const id = input.id ?? toBase64Url(random(16));
  const digests = await Promise.all(files.map((f) => sha256Digest(f.bytes)));
  const manifest = check(
    BundleManifest,
    {
      version: BUNDLE_FORMAT_VERSION,
      id,
      issuer: { name: input.issuer.name, jwk },
      recipient,
      purpose: check(Purpose, content.purpose, 'content.purpose'),
      scope: check(Scope, content.scope, 'content.scope'),
      issuedAt: input.issuedAt.toISOString(),
      notBefore: notBefore.toISOString(),
      expiresAt: input.expiresAt.toISOString(),
      ...(content.recipientEndpoint !== undefined ? { revocationEndpoint: content.recipientEndpoint } : {}),
      files: files.map((f, i): ManifestFile => ({ path: f.path, mediaType: f.mediaType, size: f.bytes.length, sha256: toBase64Url(digests[i]!) })),
    },
    'manifest',
  );
  const jws = signJws(canonicalJson(manifest), MANIFEST_JWS_TYPE, jwkFingerprint(jwk), input.issuer.signingSecretKey);
  const zip = writeZip([{ name: BUNDLE_PATHS.manifest, bytes: utf8(jws) }, ...files.map((f) => ({ name: f.path, bytes: f.bytes }))]);
  return input.recipient.kind === 'x25519'
    ? ageEncrypt(zip, { kind: 'x25519', publicKey: parseAgeRecipient(input.recipient.ageRecipient) }, random)
    : ageEncrypt(zip, { kind: 'scrypt', passphrase: input.recipient.passphrase, workFactor }, random);
}
