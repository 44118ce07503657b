/**
 * Sharing's part of the message API (merged into `ApiArgs` in api.ts).
 *
 * The profile's private keys never cross this boundary: `sharingIdentity` gives the public
 * half, and bundles and revocation notices are signed in the background.
 *
 * Reaching a recipient's server (its well-known document, its bundle and revocation endpoints)
 * needs the host permission for that origin: ask for it in the click handler itself with
 * `browser.permissions.request({ origins: [hostPermissionPattern(origin)] })` (re-exported
 * here). The background refuses with `permission-missing` otherwise.
 *
 * A share is made in two steps: `sharePreview` lists exactly what would leave (the approval
 * screen), `shareCreate` makes the bundle, records the grant and a log entry, and returns a
 * transfer the page reads with `shareRead` to download it; `shareDeliver` sends it on.
 */
import { z } from 'zod';
import { ShareSelection, type CasePart, type CLINICAL_TYPES, type ScopeItem } from '../records/sharing/selection';
import type { GrantStatus, ShareGrantData } from '../records/sharing/share-grant';
import type { LogEntry } from '../records/sharing/transparency-entry';
import type { LogCheck } from '../records/sharing/log-check';

export { hostPermissionPattern } from '../municipal/api/origin';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
const IsoDate = z.iso.date();
/** The longest cap a case-bound share may have: two years. */
export const CASE_BOUND_MAX_DAYS_LIMIT = 730;

export const ShareExpiry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: IsoDate }),
  /** Until the case closes, and at the latest after `maxDays` (the citizen's cap; a year when absent). */
  z.object({ kind: z.literal('until-case'), caseId: Id, maxDays: z.number().int().min(1).max(CASE_BOUND_MAX_DAYS_LIMIT).optional() }),
]);
export type ShareExpiry = z.infer<typeof ShareExpiry>;

const ShareRequest = z.object({
  profileId: Id,
  recipientId: Id,
  purpose: z.string().trim().min(1).max(500),
  selection: ShareSelection,
  expiry: ShareExpiry,
});
export type ShareRequest = z.infer<typeof ShareRequest>;

export const SharingApiArgs = {
  /** The profile's public identity; its keys are made now if it has none. */
  sharingIdentity: z.object({ profileId: Id }),
  /** Adds a recipient from a pasted age key, an identity file, a well-known document's JSON, or a QR code's text. */
  recipientAdd: z.object({
    profileId: Id,
    source: z.enum(['paste', 'file', 'qr']),
    text: z.string().min(1).max(20_000),
    name: z.string().trim().max(200).optional(),
  }),
  /** Reads https://<domain>/.well-known/handlerum-recipient.json and adds who it names. Needs the host permission. */
  recipientFetchWellKnown: z.object({ profileId: Id, domain: z.string().min(1).max(300) }),
  recipientList: z.object({ profileId: Id }),
  recipientDelete: z.object({ profileId: Id, recipientId: Id }),
  /** What the profile has that could be shared (for the wizard's choices). */
  shareOptions: z.object({ profileId: Id }),
  /** Exactly what would leave, item by item, without making anything. */
  sharePreview: ShareRequest,
  /** Makes the bundle (signed, encrypted to the recipient), records the grant and a log entry. */
  shareCreate: ShareRequest,
  /** One base64url part of a bundle made by shareCreate. */
  shareRead: z.object({ transferId: Id, index: z.number().int().nonnegative() }),
  /**
   * Sends a bundle made in this session: to the recipient's endpoint, the municipality's inbox,
   * or notes that it was downloaded. Every attempt is added to the grant's deliveries; a failed
   * one is then thrown with sharing's own code (`recipient-unreachable`, `delivery-failed`,
   * `share-too-large`, `inbox-unreachable`, `inbox-refused`, `inbox-full`, `inbox-receipt-invalid`, …).
   */
  shareDeliver: z.object({ profileId: Id, grantId: Id, channel: z.enum(['download', 'endpoint', 'municipal-inbox']) }),
  grantsList: z.object({ profileId: Id }),
  /** Every profile's active grants, and ended ones whose recipient still holds a copy (the popup's "who has my data"). */
  grantsHeld: z.object({}),
  /** Ends the consent: a signed notice goes to the recipient's revocation endpoint when it has one. */
  grantRevoke: z.object({ profileId: Id, grantId: Id }),
  logList: z.object({}),
  logVerify: z.object({}),
  logExport: z.object({}),
} satisfies Record<string, z.ZodType>;

export interface SharingIdentity {
  profileId: string;
  name: string;
  /** base64url SHA-256 of the X25519 key, as bundles name their recipient. */
  fingerprint: string;
  /** The same digest in its human form (src/shared/fingerprint.ts), in groups to compare. */
  fingerprintGroups: string[];
  ageRecipient: string;
  signingPublicKey: string;
  /** base64url SHA-256 of the Ed25519 key: what a recipient's kit shows as the sender of a bundle. */
  signingFingerprint: string;
  signingFingerprintGroups: string[];
  /** The public identity file (JSON), also what the QR code holds. */
  identityFile: string;
  createdAt: string;
}

export interface RecipientSummary {
  id: string;
  name: string;
  ageRecipient: string;
  fingerprint: string;
  fingerprintGroups: string[];
  endpoints: { bundle?: string | undefined; revocation?: string | undefined };
  origin?: string;
  description?: string;
  addedBy: 'paste' | 'file' | 'qr' | 'well-known';
  addedAt: string;
}

export interface ShareOptions {
  notes: { id: string; title: string }[];
  cases: {
    id: string;
    caseNumber: string;
    /** KLE code and the municipality's title, as the case names itself. */
    title: string;
    /** The case's KLE topic, for its plain name. */
    kle: { code: string; title: string };
    status: string;
    counts: Record<CasePart, number>;
    /** Each record of the case, in part order: what the wizard lets the citizen choose one by one. */
    records: { part: CasePart; id: string; title: string; date?: string; bytes: number }[];
  }[];
  transactions: { count: number; from: string; to: string; categories: string[] } | null;
  health: { metric: string; unit: string; from: string; to: string }[];
  /** Imported health data besides the daily figures: FHIR observations, and clinical items per kind. */
  healthRecords: { observations: number; clinical: { type: (typeof CLINICAL_TYPES)[number]; count: number }[] };
  /** The citizen's own files, newest first. */
  attachments: { id: string; fileName: string; size: number }[];
  /** The municipality's inbox can take bundles for a case. */
  municipalInbox: boolean;
  /** When the vault owner acts for the profile's person: on what basis, and the API categories that may be shared. */
  basis: { kind: 'custody' | 'power-of-attorney'; covers: string[] } | null;
}

export interface SharePreview {
  recipient: { id: string; name: string; fingerprint: string };
  purpose: string;
  items: ScopeItem[];
  notBefore: string;
  /** When the bundle stops being valid; for a case-bound share, the latest date. */
  expiresAt: string;
  untilCase: ShareGrantData['untilCase'];
  /** Standard-format copies of the same data that go with it (e.g. files/transactions.csv). */
  files: { path: string; mediaType: string; size: number }[];
  /**
   * How the bundle can be sent on besides downloading it. The municipality's inbox only when
   * the recipient is the municipality (added by its address) of a case in the share.
   */
  channels: { endpoint: string | null; municipalInbox: boolean };
}

export interface Delivery {
  channel: 'download' | 'endpoint' | 'municipal-inbox';
  at: string;
  ok: boolean;
  detail: string;
}

export interface GrantSummary {
  id: string;
  profileId: string;
  recipient: { id: string; name: string; fingerprint: string };
  purpose: string;
  items: ScopeItem[];
  createdAt: string;
  expiresAt: string | null;
  untilCase: ShareGrantData['untilCase'];
  /** expired is derived from expiresAt at the time of asking. */
  status: GrantStatus;
  bundleId: string;
  bundleSha256: string;
  deliveries: Delivery[];
  /** How it ended, with the signed notice (public: it names only the bundle and the citizen's key). */
  revocation: { at: string; reason: 'revoked' | 'case-closed'; delivery: Delivery | null; notice: string } | null;
  /**
   * Revoked or ended with its case, yet the recipient may still hold a copy that reads as valid:
   * the bundle reached them, no endpoint of theirs confirmed the end notice (a file-only
   * recipient, or a notice that failed), and the bundle's own end date has not passed.
   */
  holdsCopy: boolean;
  /** The bundle can still be downloaded or sent (it was made since the background started). */
  bundleAvailable: boolean;
}

export interface SharingApiResults {
  sharingIdentity: SharingIdentity;
  recipientAdd: RecipientSummary;
  recipientFetchWellKnown: RecipientSummary;
  recipientList: RecipientSummary[];
  recipientDelete: null;
  shareOptions: ShareOptions;
  sharePreview: SharePreview;
  shareCreate: { grantId: string; bundleId: string; fileName: string; transferId: string; size: number; chunkCount: number; preview: SharePreview };
  shareRead: { data: string };
  shareDeliver: Delivery;
  grantsList: GrantSummary[];
  grantsHeld: (GrantSummary & { profileName: string })[];
  grantRevoke: GrantSummary;
  logList: LogEntry[];
  logVerify: LogCheck;
  logExport: { fileName: string; json: string };
}

export type SharingMethod = keyof typeof SharingApiArgs;
