/**
 * Revocation notices: a compact JWS by the same key that signed the bundle, naming the bundle
 * id and when it was revoked. The citizen's vault sends it to the recipient's revocation
 * endpoint; a receiver checks it against the bundle's issuer key before honouring it.
 */
import { canonicalJson, parseJws, signJws, verifyEd25519 } from './jws';
import { ed25519Jwk, jwkFingerprint } from './keys';
import { BUNDLE_FORMAT_VERSION, Ed25519Jwk, REVOCATION_JWS_TYPE, RevocationPayload } from './schemas';
import { fromBase64Url } from '../shared/base64url';

/**
 * A signed revocation notice for `bundleId`.
 * @throws {TypeError} if `bundleId` is not a bundle id; {@link RangeError} for a wrong-sized key.
 */
export function createRevocation(input: { signingSecretKey: Uint8Array; bundleId: string; revokedAt: Date }): string {
  const jwk = ed25519Jwk(input.signingSecretKey);
  const payload = RevocationPayload.safeParse({
    version: BUNDLE_FORMAT_VERSION,
    bundleId: input.bundleId,
    issuer: { jwk },
    revokedAt: input.revokedAt.toISOString(),
  });
  if (!payload.success) throw new TypeError(`createRevocation: ${payload.error.issues[0]?.path.join('.')} is not valid`);
  return signJws(canonicalJson(payload.data), REVOCATION_JWS_TYPE, jwkFingerprint(jwk), input.signingSecretKey);
}

export type RevocationResult =
  { ok: true; bundleId: string; revokedAt: string } | { ok: false; reason: 'malformed' | 'bad-signature' | 'wrong-issuer'; detail: string };

/**
 * Checks a revocation notice against the issuer key of the bundle it should revoke (the
 * manifest's `issuer.jwk`). Never throws.
 */
export function verifyRevocation(notice: string, issuer: { jwk: Ed25519Jwk } | Ed25519Jwk): RevocationResult {
  const expected = Ed25519Jwk.safeParse('jwk' in issuer ? issuer.jwk : issuer);
  if (!expected.success) return { ok: false, reason: 'malformed', detail: 'the issuer key is not an Ed25519 OKP JWK' };
  if (typeof notice !== 'string') return { ok: false, reason: 'malformed', detail: 'a notice is a compact JWS string' };
  const jws = parseJws(notice.trim());
  if (typeof jws === 'string') return { ok: false, reason: 'malformed', detail: jws };
  if (jws.header.typ !== REVOCATION_JWS_TYPE || jws.header.alg !== 'EdDSA') return { ok: false, reason: 'malformed', detail: `not a ${REVOCATION_JWS_TYPE}` };
  const payload = RevocationPayload.safeParse(jws.payload);
  if (!payload.success) return { ok: false, reason: 'malformed', detail: 'the payload is not a revocation notice' };
  if (payload.data.issuer.jwk.x !== expected.data.x || jws.header.kid !== jwkFingerprint(expected.data)) {
    return { ok: false, reason: 'wrong-issuer', detail: 'the notice is signed by another key than the bundle' };
  }
  if (!verifyEd25519(jws.signature, jws.signingInput, fromBase64Url(expected.data.x))) {
    return { ok: false, reason: 'bad-signature', detail: 'the notice signature does not verify' };
  }
  return { ok: true, bundleId: payload.data.bundleId, revokedAt: payload.data.revokedAt };
}

/**
 * The bundle id a notice claims to revoke, unverified: a receiver uses it only to find the
 * issuer key to check the notice with ({@link verifyRevocation}). Null when it names none.
 */
export function claimedBundleId(notice: string): string | null {
  if (typeof notice !== 'string') return null;
  const jws = parseJws(notice.trim());
  if (typeof jws === 'string') return null;
  const id = (jws.payload as { bundleId?: unknown } | null)?.bundleId;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(id) ? id : null;
}
