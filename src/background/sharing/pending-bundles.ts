/**
 * Bundles made since the background started, by grant id, for download and delivery. Held in
 * memory only, for {@link BUNDLE_TTL_MS}: a bundle made before a restart must be made again.
 */
import { BUNDLE_TTL_MS } from './deps';

export interface PendingBundle {
  profileId: string;
  bytes: Uint8Array;
  expiresAt: number;
}

export class PendingBundles {
  private readonly bundles = new Map<string, PendingBundle>();

  constructor(private readonly now: () => number) {}

  add(grantId: string, profileId: string, bytes: Uint8Array): void {
    this.bundles.set(grantId, { profileId, bytes, expiresAt: this.now() + BUNDLE_TTL_MS });
  }

  /** The grant's bundle, or `null` when there is none or it is past its time. */
  get(grantId: string): PendingBundle | null {
    const b = this.bundles.get(grantId);
    if (!b) return null;
    if (b.expiresAt < this.now()) {
      this.bundles.delete(grantId);
      return null;
    }
    return b;
  }

  delete(grantId: string): void {
    this.bundles.delete(grantId);
  }

  clear(): void {
    this.bundles.clear();
  }
}
