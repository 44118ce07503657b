/**
 * The municipality's signing keys. The reference server uses demo keys derived from fixed,
 * published seeds — anyone can sign as "Vesterå Kommune" with them, which is the point of a
 * demo and the reason a real municipality must never use them. Several kids are published in
 * the JWKS so that pages signed before a rotation still verify.
 */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { publicJwk, signManifestWith, type SigningKey } from '../municipal/api/signature';
import type { Jwks, PageManifest } from '../municipal/api/schemas';
import { toBase64Url } from '../shared/base64url';
import { utf8 } from '../shared/bytes';

export const DEMO_KEY_SEEDS: Readonly<Record<string, string>> = {
  'vestera-demo-2025': 'Vesterå Kommune demo signing key 2025 – not secret, never use in production',
  'vestera-demo-2026': 'Vesterå Kommune demo signing key 2026 – not secret, never use in production',
};
export const DEFAULT_SIGNING_KID = 'vestera-demo-2026';

export function demoKey(kid: string): SigningKey {
  const seed = DEMO_KEY_SEEDS[kid];
  if (seed === undefined) throw new RangeError(`unknown demo key ${kid}`);
  return { kid, secretKey: sha256(utf8(seed)) };
}

/** The key as Node's crypto holds it: every page answered is signed, natively, as a real server would. */
function nativeKey(key: SigningKey): KeyObject {
  const { x } = publicJwk(key);
  return createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: toBase64Url(key.secretKey), x }, format: 'jwk' });
}

export class KeyRing {
  private readonly keys: SigningKey[];
  private readonly active: SigningKey;
  private readonly activeNative: KeyObject;

  constructor(activeKid = DEFAULT_SIGNING_KID) {
    this.keys = Object.keys(DEMO_KEY_SEEDS).map(demoKey);
    const active = this.keys.find((k) => k.kid === activeKid);
    if (!active) throw new RangeError(`unknown signing kid ${activeKid}`);
    this.active = active;
    this.activeNative = nativeKey(active);
  }

  get activeKid(): string {
    return this.active.kid;
  }

  jwks(): Jwks {
    return { keys: this.keys.map(publicJwk) };
  }

  sign(manifest: PageManifest): string {
    return signManifestWith(manifest, this.active.kid, (message) => sign(null, message, this.activeNative));
  }
}
