import { z } from 'zod';
import { defineKind } from '../kind';
import { B64Key32, Fingerprint, IsoDateTime, VaultRef } from './common';
import { ShareSelection, ScopeItem } from './selection';

export const GRANT_STATUSES = ['active', 'expired', 'revoked', 'case-closed'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

const Delivery = z.object({
  channel: z.enum(['download', 'endpoint', 'municipal-inbox']),
  at: IsoDateTime,
  ok: z.boolean(),
  /** For the citizen: where it went, or why it failed (no data content). */
  detail: z.string().max(500),
});

/** One share: to whom, why, what, for how long, and what became of it. */
export const shareGrantKind = defineKind({
  name: 'share-grant',
  pageAccess: 'read-only',
  managedBy: 'the sharing service',
  scope: 'profile',
  version: 1,
  description: 'One share the citizen approved: recipient, purpose, scope, validity, bundle digest, deliveries and revocation.',
  schema: z.object({
    recipientId: VaultRef,
    recipient: z.object({ name: z.string().min(1).max(200), fingerprint: Fingerprint }),
    purpose: z.string().trim().min(1).max(500),
    selection: ShareSelection,
    /** What left, item by item, as shown on the approval screen. */
    scope: z.array(ScopeItem).min(1).max(500),
    createdAt: IsoDateTime,
    notBefore: IsoDateTime,
    /** Null when the grant runs until a case closes. */
    expiresAt: IsoDateTime.nullable(),
    untilCase: z.object({ caseId: VaultRef, caseNumber: z.string().max(100), title: z.string().max(500) }).nullable(),
    /** Stored status; `expired` is also derived from expiresAt when read. */
    status: z.enum(GRANT_STATUSES),
    bundleId: z.string().min(1).max(100),
    bundleSha256: B64Key32,
    deliveries: z.array(Delivery).max(100),
    revocation: z
      .object({
        at: IsoDateTime,
        reason: z.enum(['revoked', 'case-closed']),
        /** The signed notice, as sent. */
        notice: z.string().max(20_000),
        delivery: Delivery.nullable(),
      })
      .nullable(),
  }),
});
export type ShareGrantData = z.infer<typeof shareGrantKind.schema>;
