/**
 * The shapes inside a bundle, as zod schemas: every one is checked when a bundle is opened, so
 * a receiver gets typed data or a reason, never an unchecked object. Pure (no platform types).
 */
import { z } from 'zod';

export const BUNDLE_FORMAT_VERSION = 1;

/** The `typ` of the manifest JWS header. */
export const MANIFEST_JWS_TYPE = 'handlerum-bundle+jws';
/** The `typ` of a revocation notice's JWS header. */
export const REVOCATION_JWS_TYPE = 'handlerum-revocation+jws';

/** base64url SHA-256 of a raw public key: 43 characters. */
export const Fingerprint = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a key fingerprint (base64url SHA-256)');
const Sha256 = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a base64url SHA-256 digest');
const Instant = z.iso.datetime({ offset: false, precision: 3 });
const Bilingual = z.strictObject({ da: z.string().min(1).max(2000), en: z.string().min(1).max(2000) });
const Name = z.string().trim().min(1).max(200);

/** The issuer's Ed25519 public key as an OKP JWK (RFC 8037). */
export const Ed25519Jwk = z.strictObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a 32-byte base64url key'),
});
export type Ed25519Jwk = z.infer<typeof Ed25519Jwk>;

/**
 * A path inside the bundle: plain relative names, no `..`, no backslashes, no leading slash,
 * so writing the files to a folder cannot escape it.
 */
export const BundlePath = z
  .string()
  .min(1)
  .max(240)
  .regex(/^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9._\-]+(?:\/[A-Za-z0-9._\-]+)*$/, 'a relative path of plain names');

export const ManifestFile = z.strictObject({
  path: BundlePath,
  mediaType: z.string().regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+(?:;[ a-z0-9=-]+)?$/, 'a media type'),
  size: z.number().int().min(0),
  sha256: Sha256,
});
export type ManifestFile = z.infer<typeof ManifestFile>;

export const ManifestRecipient = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('x25519'), fingerprint: Fingerprint, name: Name.optional() }),
  z.strictObject({ kind: z.literal('passphrase'), name: Name.optional() }),
]);
export type ManifestRecipient = z.infer<typeof ManifestRecipient>;

export const Purpose = z.strictObject({ code: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/), text: Bilingual });
export type Purpose = z.infer<typeof Purpose>;

export const Scope = z.strictObject({
  description: Bilingual,
  categories: z.array(z.string().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/)).max(100),
});
export type Scope = z.infer<typeof Scope>;

/** The signed manifest (the JWS payload, as JCS-canonical JSON). */
export const BundleManifest = z.strictObject({
  version: z.literal(BUNDLE_FORMAT_VERSION),
  id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a bundle id'),
  issuer: z.strictObject({ name: Name, jwk: Ed25519Jwk }),
  recipient: ManifestRecipient,
  purpose: Purpose,
  scope: Scope,
  issuedAt: Instant,
  notBefore: Instant,
  expiresAt: Instant,
  revocationEndpoint: z.url({ protocol: /^https?$/ }).optional(),
  files: z.array(ManifestFile).min(1).max(10_000),
});
export type BundleManifest = z.infer<typeof BundleManifest>;

/** One record's digest as a municipal page manifest lists it. */
const RecordDigest = z.strictObject({
  type: z.string().min(1).max(80),
  id: z.string().min(1).max(200),
  version: z.number().int(),
  sha256: Sha256,
});

/**
 * Where shared data comes from. Municipal records keep the municipality's page signature
 * (compact JWS over the page's record digests) so a receiver can check them against the
 * municipality's published keys; everything else is marked as the citizen's own statement.
 */
export const ProvenanceEntry = z.discriminatedUnion('attestedBy', [
  z.strictObject({
    attestedBy: z.literal('municipality'),
    /** The municipality, e.g. "Aarhus Kommune", and the API origin it was fetched from. */
    source: Name,
    origin: z.url({ protocol: /^https?$/ }),
    /** Compact JWS (EdDSA) over the page manifest. */
    jws: z
      .string()
      .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
      .max(2_000_000),
    kid: z.string().min(1).max(200),
    /** The shared records this page signature covers. */
    records: z.array(RecordDigest).max(100_000),
  }),
  z.strictObject({
    attestedBy: z.literal('citizen'),
    /** Where the citizen says it comes from, e.g. "Danske Bank CSV export". */
    source: Name,
    /** The data.json keys (or file paths) it covers. */
    covers: z.array(z.string().min(1).max(240)).max(1000).optional(),
  }),
]);
export type ProvenanceEntry = z.infer<typeof ProvenanceEntry>;

/**
 * A consent receipt shaped after ISO/IEC TS 27560 (consent record information structure): the
 * citizen is both the PII principal and the controller who decides to share; the recipient is
 * named with its key fingerprint; purposes, data categories, when it ends, how to withdraw and
 * how to ask for deletion are stated in plain words in Danish and English.
 */
export const ConsentReceipt = z
  .strictObject({
    schemaVersion: z.literal('ISO/IEC TS 27560:2023'),
    receiptId: z.string().min(1).max(100),
    consentTimestamp: Instant,
    language: z.literal('da'),
    jurisdiction: z.literal('DK'),
    /** `representative` when someone acting for the citizen shares: then `representation` says on what basis. */
    controller: z.strictObject({ name: Name, role: z.enum(['citizen', 'representative']), contact: z.string().max(400).optional() }),
    piiPrincipal: z.strictObject({ name: Name }),
    /**
     * Added later, and present only when a representative shares (a citizen's own bundles are as
     * before): on whose behalf, on what basis (a power of attorney with its reference, categories and
     * last day, or custody), and who vouches for that basis, in plain words.
     */
    representation: z
      .strictObject({
        basis: z.enum(['power-of-attorney', 'custody']),
        onBehalfOf: Name,
        representative: Name,
        reference: z.string().min(1).max(128).optional(),
        categories: z.array(z.string().min(1).max(64)).max(20).optional(),
        validUntil: z.iso.date().optional(),
        vouchedBy: Name,
        text: Bilingual,
      })
      .optional(),
    recipients: z
      .array(z.strictObject({ name: Name, fingerprint: Fingerprint.optional() }))
      .min(1)
      .max(20),
    purposes: z
      .array(z.strictObject({ code: z.string().min(1).max(64), text: Bilingual, legalBasis: z.literal('consent') }))
      .min(1)
      .max(20),
    dataCategories: z.array(z.string().min(1).max(64)).min(1).max(100),
    termination: z.strictObject({ expiresAt: Instant, text: Bilingual }),
    withdrawal: z.strictObject({ text: Bilingual, endpoint: z.url({ protocol: /^https?$/ }).optional() }),
    deletion: z.strictObject({ text: Bilingual }),
  })
  .refine((r) => (r.controller.role === 'representative') === (r.representation !== undefined), {
    message: 'a representative says on what basis it acts, and only a representative does',
  });
export type ConsentReceipt = z.infer<typeof ConsentReceipt>;

/** data.json: typed JSON, one object at the top. */
export const BundleData = z.record(z.string(), z.unknown());

/** A signed revocation notice's payload. */
export const RevocationPayload = z.strictObject({
  version: z.literal(BUNDLE_FORMAT_VERSION),
  bundleId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  issuer: z.strictObject({ jwk: Ed25519Jwk }),
  revokedAt: Instant,
});
export type RevocationPayload = z.infer<typeof RevocationPayload>;
