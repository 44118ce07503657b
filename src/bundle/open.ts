/**
 * Opening a bundle: every check in the order docs/bundle-format.md lists, each failure returned
 * as a typed reason (never thrown), so a receiver can tell the citizen or its logs exactly why.
 */
import { z } from 'zod';
import { AgeError, ageDecryptParts, parseAgeIdentity, x25519PublicKey, type AgeIdentity } from './age';
import { BUNDLE_PATHS } from './create';
import { canonicalJson, parseJws, verifyEd25519 } from './jws';
import { jwkFingerprint, keyFingerprint } from './keys';
import { BUNDLE_FORMAT_VERSION, BundleManifest, ConsentReceipt, MANIFEST_JWS_TYPE, ProvenanceEntry } from './schemas';
import { parseBundleData, parseJsonFile, withDataOnFirstRead } from './json-file';
import type { BundleFile, OpenFailureReason, OpenOptions, OpenResult } from './types';
import { readZip, ZipError, type ReadZipEntry } from './zip';
import { sha256Digest } from './digest';
import { DEFAULT_MAX_BUNDLE_BYTES, MAX_DATA_DEPTH, MAX_SCRYPT_WORK_FACTOR, jsonDepth } from './limits';
import { fromBase64Url, toBase64Url } from '../shared/base64url';
import { fromUtf8 } from '../shared/bytes';

/**
 * The last identity's keys: a receiver opens many bundles with one identity, and deriving the
 * public key is a scalar multiplication each time.
 */
let lastIdentity: { text: string; secretKey: Uint8Array; publicKey: Uint8Array; fingerprint: string } | undefined;

function identityKeys(text: string): { secretKey: Uint8Array; publicKey: Uint8Array; fingerprint: string } {
  if (lastIdentity?.text !== text) {
    const secretKey = parseAgeIdentity(text);
    const publicKey = x25519PublicKey(secretKey);
    lastIdentity = { text, secretKey, publicKey, fingerprint: keyFingerprint(publicKey) };
  }
  return lastIdentity;
}

const fail = (reason: OpenFailureReason, detail: string): OpenResult => ({ ok: false, reason, detail });

const AGE_REASON: Record<AgeError['code'], OpenFailureReason> = {
  'not-age': 'not-a-bundle',
  malformed: 'tampered',
  'no-match': 'wrong-key',
  'bad-mac': 'tampered',
  'bad-payload': 'tampered',
  'work-factor': 'too-large',
};

/**
 * A file of the result, its bytes read when first asked for: a view into the decrypted ZIP,
 * which nothing else holds, where they lie in one buffer (always, in browsers); joined from
 * the decrypted chunks, once, where they span several (Node). Copying a 50 MB data.json at
 * open cost about as much as decrypting it.
 */
const fileOf = (listed: { path: string; mediaType: string }, entry: ReadZipEntry): BundleFile => ({
  path: listed.path,
  mediaType: listed.mediaType,
  get bytes(): Uint8Array {
    return entry.bytes;
  },
});

/**
 * Opens a bundle with the recipient's identity (or passphrase) at time `now`.
 *
 * Checks, in order: age format (`not-a-bundle`), key (`wrong-key`), header MAC and payload
 * (`tampered`), canonical ZIP (`not-a-bundle`/`tampered`), a later format version
 * (`unsupported-version`), manifest shape (`tampered`), issuer signature (`bad-signature`),
 * the files against the manifest's list and digests (`tampered`), recipient fingerprint
 * (`not-for-you`), validity window (`not-yet-valid`, `expired`), the `revoked` callback
 * (`revoked`), how deeply data.json nests (`too-large`), and last the shapes of data, consent
 * and provenance (`tampered`). A bundle over `maxBundleBytes` is `too-large` before anything.
 * With `parseData: 'on-first-read'` data.json's bytes pass every check above but are parsed
 * only when `data` is first read (see {@link OpenResult}).
 *
 * Never throws: every failure is a result with a `reason` and a developer `detail`. The detail
 * names fields, paths, key fingerprints and times, never the shared data itself.
 */
export async function openBundle(bundle: Uint8Array, options: OpenOptions): Promise<OpenResult> {
  if (!(bundle instanceof Uint8Array)) return fail('not-a-bundle', 'bundle must be a Uint8Array');
  if (typeof options !== 'object' || options === null) return fail('wrong-key', 'options with identity and now are required');
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) return fail('not-a-bundle', 'options.now must be a valid Date');
  const maxBytes = options.maxBundleBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
  // Before decryption: decrypting allocates the bundle's size again, parsing several times it.
  if (bundle.length > maxBytes) return fail('too-large', `the bundle is ${bundle.length} bytes; at most ${maxBytes} are opened`);

  let identity: AgeIdentity;
  let ourFingerprint: string | 'passphrase';
  if (typeof options.identity === 'string') {
    try {
      const keys = identityKeys(options.identity);
      identity = { kind: 'x25519', secretKey: keys.secretKey, publicKey: keys.publicKey };
      ourFingerprint = keys.fingerprint;
    } catch (error) {
      return fail('wrong-key', (error as Error).message);
    }
  } else {
    if (typeof options.identity?.passphrase !== 'string' || options.identity.passphrase === '')
      return fail('wrong-key', 'identity.passphrase must be a non-empty string');
    identity = {
      kind: 'scrypt',
      passphrase: options.identity.passphrase,
      maxWorkFactor: Math.min(options.maxScryptWorkFactor ?? MAX_SCRYPT_WORK_FACTOR, MAX_SCRYPT_WORK_FACTOR),
    };
    ourFingerprint = 'passphrase';
  }

  let zip: Uint8Array[];
  try {
    zip = ageDecryptParts(bundle, identity);
  } catch (error) {
    if (error instanceof AgeError) return fail(AGE_REASON[error.code], error.detail);
    return fail('tampered', `decryption failed: ${(error as Error).message}`);
  }

  let entries: ReadZipEntry[];
  try {
    entries = readZip(zip);
  } catch (error) {
    if (error instanceof ZipError) return fail(error.code === 'not-zip' ? 'not-a-bundle' : 'tampered', error.detail);
    return fail('tampered', `the ZIP cannot be read: ${(error as Error).message}`);
  }
  const [first, ...rest] = entries;
  if (!first || first.name !== BUNDLE_PATHS.manifest) return fail('not-a-bundle', `the first file is not ${BUNDLE_PATHS.manifest}`);
  // Hashing starts now and is awaited at check 10: where the platform hashes off the main
  // thread (WebCrypto), it runs while the signature is checked. sha256Digest never rejects.
  // The files are hashed where they lie: in Node, across the decrypted chunks, never joined.
  const digests = Promise.all(rest.map((entry) => sha256Digest(entry.parts)));

  let jwsText: string;
  try {
    jwsText = fromUtf8(first.bytes);
  } catch {
    return fail('tampered', 'manifest.jws is not UTF-8');
  }
  const jws = parseJws(jwsText);
  if (typeof jws === 'string') return fail('tampered', jws);
  const version = (jws.payload as { version?: unknown } | null)?.version;
  // A later version may sign or lay out differently, so the version is read before anything
  // else. Only a later version is "unsupported"; a missing or impossible one is a broken manifest.
  if (Number.isInteger(version) && (version as number) > BUNDLE_FORMAT_VERSION) {
    return fail('unsupported-version', `format version ${String(version)}; this kit reads ${BUNDLE_FORMAT_VERSION}`);
  }
  if (jws.header.typ !== MANIFEST_JWS_TYPE) return fail('tampered', `JWS typ is not ${MANIFEST_JWS_TYPE}`);
  if (jws.header.alg !== 'EdDSA') return fail('bad-signature', 'JWS alg is not EdDSA');
  const parsed = BundleManifest.safeParse(jws.payload);
  if (!parsed.success) return fail('tampered', `manifest: ${z.prettifyError(parsed.error)}`);
  const manifest = parsed.data;

  if (jws.header.kid !== jwkFingerprint(manifest.issuer.jwk)) return fail('bad-signature', 'JWS kid is not the issuer key in the manifest');
  if (!verifyEd25519(jws.signature, jws.signingInput, fromBase64Url(manifest.issuer.jwk.x))) {
    return fail('bad-signature', 'the manifest signature does not verify with the issuer key');
  }
  if (jws.payloadText !== canonicalJson(manifest)) return fail('tampered', 'the manifest is not canonical JSON');

  if (rest.length !== manifest.files.length)
    return fail('tampered', `the ZIP holds ${rest.length} files besides the manifest, the manifest lists ${manifest.files.length}`);
  // Measured while the platform hashes off the main thread; judged in its place below.
  const depth = rest[0] ? jsonDepth(rest[0].parts) : 0;
  const digest = await digests;
  for (const [i, listed] of manifest.files.entries()) {
    const entry = rest[i]!;
    if (entry.name !== listed.path)
      return fail('tampered', `file ${i + 1} is ${JSON.stringify(entry.name)}, the manifest lists ${JSON.stringify(listed.path)}`);
    if (entry.size !== listed.size || toBase64Url(digest[i]!) !== listed.sha256) {
      return fail('tampered', `${listed.path} does not match its SHA-256 in the manifest`);
    }
  }
  const required = [BUNDLE_PATHS.data, BUNDLE_PATHS.consent, BUNDLE_PATHS.provenance];
  if (required.some((path, i) => manifest.files[i]?.path !== path)) return fail('tampered', `the manifest must list ${required.join(', ')} first`);

  const theirs = manifest.recipient.kind === 'passphrase' ? 'passphrase' : manifest.recipient.fingerprint;
  if (theirs !== ourFingerprint) {
    return fail(
      'not-for-you',
      `the bundle was made for ${manifest.recipient.kind === 'passphrase' ? 'a passphrase' : `key ${theirs}`}, and opened with ${ourFingerprint === 'passphrase' ? 'a passphrase' : `key ${ourFingerprint}`}`,
    );
  }
  const now = options.now.getTime();
  if (now < Date.parse(manifest.notBefore)) return fail('not-yet-valid', `valid from ${manifest.notBefore}`);
  if (now >= Date.parse(manifest.expiresAt)) return fail('expired', `expired at ${manifest.expiresAt}`);
  if (options.revoked) {
    try {
      if (await options.revoked(manifest.id, manifest)) return fail('revoked', `bundle ${manifest.id} is revoked`);
    } catch (error) {
      // Fail closed: a receiver that cannot tell must not use the data.
      return fail('revoked', `the revocation check failed: ${(error as Error).message}`);
    }
  }

  const maxDepth = options.maxDataDepth ?? MAX_DATA_DEPTH;
  if (depth > maxDepth) {
    // Genuine and meant for this receiver, only too deep to read safely: the files as they came.
    const verifiedFiles = manifest.files.map((f, i) => fileOf(f, rest[i]!));
    return { ok: false, reason: 'too-large', detail: `data.json is nested ${depth} levels deep; at most ${maxDepth} are read`, verifiedFiles };
  }
  // Parsed first when parsed at open, so a data.json that is not JSON is the verdict, as it
  // always was; left for its first read, it is parsed only by the reader who wants it.
  const data = options.parseData === 'on-first-read' ? null : parseBundleData(rest[0]!);
  if (typeof data === 'string') return fail('tampered', data);
  const consent = parseJsonFile(rest[1]!, ConsentReceipt);
  if (typeof consent === 'string') return fail('tampered', consent);
  const provenance = parseJsonFile(rest[2]!, z.array(ProvenanceEntry));
  if (typeof provenance === 'string') return fail('tampered', provenance);
  const files = manifest.files.slice(3).map((f, i) => fileOf(f, rest[i + 3]!));
  const dataJson = rest[0]!;
  const opened = {
    ok: true as const,
    manifest,
    get dataJson(): Uint8Array {
      return dataJson.bytes;
    },
    files,
    consent,
    provenance,
  };
  return data === null ? withDataOnFirstRead(opened, rest[0]!) : { ...opened, data };
}
