/**
 * The municipality's signing keys. The reference server uses demo keys derived from fixed,
 * published seeds — anyone can sign as "Vesterå Kommune" with them, which is the point of a
 * demo and the reason a real municipality must never use them. Several kids are published in
 * the JWKS so that pages signed before a rotation still verify.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { publicJwk, signManifest, type SigningKey } from '../municipal/api/signature';
import type { Jwks, PageManifest } from '../municipal/api/schemas';
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

export class KeyRing {
  private readonly keys: SigningKey[];
  private readonly active: SigningKey;

  constructor(activeKid = DEFAULT_SIGNING_KID) {
    this.keys = Object.keys(DEMO_KEY_SEEDS).map(demoKey);
    const active = this.keys.find((k) => k.kid === activeKid);
    if (!active) throw new RangeError(`unknown signing kid ${activeKid}`);
    this.active = active;
  }

  get activeKid(): string {
    return this.active.kid;
  }

  jwks(): Jwks {
    return { keys: this.keys.map(publicJwk) };
  }

  sign(manifest: PageManifest): string {
    return signManifest(manifest, this.active);
  }
}
