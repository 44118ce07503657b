/**
 * What arrived in the citizens' case inboxes, kept in memory: each citizen's receipts, each
 * item's body, and the bundles that opened with the municipality's identity — keyed by citizen
 * and bundle id, so one citizen's upload can never touch another's bundle or its revocation.
 * Each citizen's inbox has a quota (items and bytes), so no one can fill the server's memory.
 */
import type { InboxReceipt } from '../municipal/api/schemas';

export interface InboxQuota {
  /** Items (bundles and correction requests) one citizen may have in all their cases' inboxes. */
  readonly items: number;
  /** Bytes of bodies one citizen may have there. */
  readonly bytes: number;
}

export const DEFAULT_INBOX_QUOTA: InboxQuota = { items: 100, bytes: 50 * 1024 * 1024 };

/** A bundle in an inbox as the municipality read it: the key that signed it, and whether that key has withdrawn it. */
export interface InboxBundle {
  readonly citizen: string;
  readonly bundleId: string;
  readonly issuerKey: string;
  /** Every receipt this bundle arrived under (a citizen may send the same bundle again). */
  readonly receiptIds: string[];
  /** When the citizen's signed revocation notice says consent ended; absent while it stands. */
  revokedAt?: string;
  /** The notice itself, kept as the caseworker's proof. */
  notice?: string;
}

/** Which quota an item would break: `items` (answered 429) or `bytes` (answered 507). */
export type QuotaBreach = { quota: 'items'; limit: number } | { quota: 'bytes'; limit: number; used: number };

export class InboxStore {
  /** Each citizen's receipts, in arrival order. */
  readonly receipts = new Map<string, InboxReceipt[]>();
  private readonly bodies = new Map<string, Uint8Array>();
  private readonly bundles = new Map<string, Map<string, InboxBundle>>();

  constructor(readonly quota: InboxQuota = DEFAULT_INBOX_QUOTA) {}

  list(citizen: string): InboxReceipt[] {
    return this.receipts.get(citizen) ?? [];
  }

  /** Why one more item of `bytes` would not fit in the citizen's inbox, or null if it fits. */
  breach(citizen: string, bytes: number): QuotaBreach | null {
    const list = this.list(citizen);
    if (list.length >= this.quota.items) return { quota: 'items', limit: this.quota.items };
    const used = list.reduce((sum, r) => sum + r.bytes, 0);
    if (used + bytes > this.quota.bytes) return { quota: 'bytes', limit: this.quota.bytes, used };
    return null;
  }

  add(citizen: string, receipt: InboxReceipt, body: Uint8Array): void {
    this.receipts.set(citizen, [...this.list(citizen), receipt]);
    this.bodies.set(receipt.id, body);
  }

  body(receiptId: string): Uint8Array | undefined {
    return this.bodies.get(receiptId);
  }

  /**
   * Records that a receipt holds an opened bundle. The same bundle sent again by the same
   * citizen joins the held one, keeping its revocation; a bundle under the same id signed by
   * another key is kept as bytes but cannot be withdrawn here.
   */
  rememberBundle(citizen: string, bundleId: string, issuerKey: string, receiptId: string): void {
    let own = this.bundles.get(citizen);
    if (!own) this.bundles.set(citizen, (own = new Map()));
    const held = own.get(bundleId);
    if (!held) own.set(bundleId, { citizen, bundleId, issuerKey, receiptIds: [receiptId] });
    else if (held.issuerKey === issuerKey) held.receiptIds.push(receiptId);
  }

  /** Every citizen's bundle with this id (a notice names only the bundle; its key decides whose it is). */
  bundlesWithId(bundleId: string): InboxBundle[] {
    return [...this.bundles.values()].flatMap((own) => own.get(bundleId) ?? []);
  }

  bundleOfReceipt(receiptId: string): InboxBundle | undefined {
    for (const own of this.bundles.values()) for (const held of own.values()) if (held.receiptIds.includes(receiptId)) return held;
    return undefined;
  }
}
