/**
 * A profile's public identity, and reading someone else's from what the citizen pasted, picked
 * or scanned. Pure. Parsing follows one contract: `null` for "not something I know",
 * a thrown TypeError for "my format, but broken".
 */
import { z } from 'zod';
import { RecipientDocument } from '../bundle/recipient-document';
import { recipientFingerprint } from '../bundle/keys';
import { fromBase64Url } from '../shared/base64url';
import { humanFingerprintGroups } from '../shared/fingerprint';

export const IDENTITY_FILE_TYPE = 'handlerum-identity';

const AgeRecipient = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/);

/** The public identity file a citizen hands out (and what their QR code holds). */
export const IdentityFile = z.strictObject({
  type: z.literal(IDENTITY_FILE_TYPE),
  version: z.literal(1),
  name: z.string().trim().min(1).max(200),
  ageRecipient: AgeRecipient,
  signingKey: z.strictObject({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }),
  fingerprint: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type IdentityFile = z.infer<typeof IdentityFile>;

export function identityFile(name: string, ageRecipient: string, signingPublicKey: string): IdentityFile {
  return IdentityFile.parse({
    type: IDENTITY_FILE_TYPE,
    version: 1,
    name,
    ageRecipient,
    signingKey: { kty: 'OKP', crv: 'Ed25519', x: signingPublicKey },
    fingerprint: recipientFingerprint(ageRecipient),
  });
}

/** A base64url fingerprint in its human form (src/shared/fingerprint.ts): groups to compare by eye or over the phone. */
export const fingerprintGroups = (fingerprint: string): string[] => humanFingerprintGroups(fromBase64Url(fingerprint, 'fingerprint'));

export interface RecipientInput {
  name: string | null;
  ageRecipient: string;
  fingerprint: string;
  signingPublicKey?: string;
  endpoints: { bundle?: string; revocation?: string };
  description?: string;
}

/**
 * Reads a recipient from text: a bare `age1…` key, a Handlerum identity file, or a recipient's
 * well-known document (JSON).
 * @returns null when the text is none of these
 * @throws {TypeError} when it is one of them but broken (a file that fails its checks, a key
 *   whose checksum is wrong)
 */
export function parseRecipientText(text: string): RecipientInput | null {
  const trimmed = text.trim();
  if (/^age1[0-9a-z]+$/i.test(trimmed)) {
    const key = trimmed.toLowerCase();
    if (!AgeRecipient.safeParse(key).success) throw new TypeError('not a complete age X25519 key');
    return { name: null, ageRecipient: key, fingerprint: recipientFingerprint(key), endpoints: {} };
  }
  if (!trimmed.startsWith('{')) return null;
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if ((json as { type?: unknown }).type === IDENTITY_FILE_TYPE) {
    const file = IdentityFile.safeParse(json);
    if (!file.success) throw new TypeError(`identity file: ${file.error.issues[0]?.message ?? 'invalid'}`);
    if (recipientFingerprint(file.data.ageRecipient) !== file.data.fingerprint) throw new TypeError('identity file: the fingerprint does not match the key');
    return {
      name: file.data.name,
      ageRecipient: file.data.ageRecipient,
      fingerprint: file.data.fingerprint,
      signingPublicKey: file.data.signingKey.x,
      endpoints: {},
    };
  }
  if ((json as { version?: unknown; ageRecipient?: unknown }).ageRecipient !== undefined) {
    const doc = RecipientDocument.safeParse(json);
    if (!doc.success) throw new TypeError(`recipient document: ${doc.error.issues[0]?.message ?? 'invalid'}`);
    return fromRecipientDocument(doc.data);
  }
  return null;
}

export function fromRecipientDocument(doc: RecipientDocument): RecipientInput {
  return {
    name: doc.name,
    ageRecipient: doc.ageRecipient,
    fingerprint: recipientFingerprint(doc.ageRecipient),
    endpoints: { ...(doc.bundleEndpoint ? { bundle: doc.bundleEndpoint } : {}), ...(doc.revocationEndpoint ? { revocation: doc.revocationEndpoint } : {}) },
    ...(doc.description ? { description: doc.description } : {}),
  };
}
