/**
 * The municipal connector's part of the message API (merged into `ApiArgs` in api.ts).
 *
 * Adding a municipality, from the vault page:
 *  1. in the click handler itself (a user gesture is required), ask for the host permission:
 *     `browser.permissions.request({ origins: [hostPermissionPattern(origin)] })`
 *     — `municipalityOrigin(input)` normalises what the user typed (both are pure, from
 *     src/municipal/api/origin.ts, so the page and the background agree);
 *  2. `municipalDiscover({ origin })` shows the municipality's name (and whether it is a demo);
 *  3. `municipalConnect({ profileId, origin })` opens the municipality's sign-in window
 *     (identity.launchWebAuthFlow), stores the connection and starts the first sync.
 * The background refuses with `permission-missing` when the permission was not granted.
 *
 * Progress arrives as `municipal-sync` events (see VaultEvent) and from `municipalSyncStatus`.
 * Synced data is read with `listRecords` / `getRecord` under the kinds in
 * src/records/municipal (municipal-case, municipal-activity, …); each record's `data` is
 * `{ record, provenance, generation }`, `record` being the resource object as received.
 */
import { z } from 'zod';
import type { InboxReceipt } from '../municipal/api/schemas';
import { parseMunicipalityOrigin } from '../municipal/api/origin';
import type { GivenPower, NowSummaryData, PowerBasis, SyncOutcome } from '../records/municipal/index';
import type { DamagedRecord } from '../vault/public-types';
import type { SyncStatus } from '../records/municipal/sync-status';
import { MunicipalError } from '../municipal/connector/errors';

export { hostPermissionPattern } from '../municipal/api/origin';
export type { SyncStatus, PartProgress, SyncPart } from '../records/municipal/sync-status';

/**
 * The origin of what the citizen typed, as the page and the background both read it.
 * @throws {VaultError} `invalid-address`
 */
export function municipalityOrigin(input: string): string {
  try {
    return parseMunicipalityOrigin(input);
  } catch (cause) {
    throw new MunicipalError('invalid-address', cause instanceof Error ? cause.message : 'not an address', { cause });
  }
}

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
const Origin = z.string().min(1).max(300);

export const MunicipalApiArgs = {
  /** Reads the municipality's discovery document. Needs the host permission. */
  municipalDiscover: z.object({ origin: Origin }),
  /** Signs in (a window opens) and starts the first sync; signing in again on an existing connection renews its tokens. */
  municipalConnect: z.object({ profileId: Id, origin: Origin }),
  /** The profile's connections (never their tokens). */
  municipalConnections: z.object({ profileId: Id }),
  /** Starts a sync (or returns the one already running). */
  municipalSync: z.object({ profileId: Id, connectionId: Id }),
  /** The syncs running or finished since the background started. */
  municipalSyncStatus: z.object({}),
  /** Forgets the connection (its tokens); with `deleteData`, also every record it brought. */
  municipalDisconnect: z.object({ profileId: Id, connectionId: Id, deleteData: z.boolean() }),
  /** After the municipality ended a representative's power of attorney: keep the copy already held (it is no longer updated). */
  municipalKeepCopy: z.object({ profileId: Id, connectionId: Id }),
  /** Asks the municipality to withdraw a power of attorney the citizen gave; answers with the connection's new list. */
  municipalWithdrawPower: z.object({ profileId: Id, connectionId: Id, powerId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/) }),
  /** A document's PDF: from the vault, or fetched now (and checked against its signed SHA-256). */
  municipalDocumentPdf: z.object({ profileId: Id, documentId: Id }),
  /**
   * What the *Now* view reads, for the moment `now` (the page's clock, ms): from the profile's
   * stored summary when every source is unchanged, otherwise computed from the records and stored.
   */
  municipalNow: z.object({ profileId: Id, now: z.number().int().nonnegative().max(8.64e15) }),
  /** Re-checks one stored municipal record against its page signature and the municipality's keys. */
  municipalVerifyRecord: z.object({ profileId: Id, kind: z.string().max(60), id: Id }),
  /**
   * Sends to a case's inbox at the municipality: a stored correction request (its status is
   * updated with the outcome) or a bundle (base64url bytes). The signed receipt is verified
   * with the municipality's keys before it is returned or stored.
   */
  municipalInboxSend: z.object({
    profileId: Id,
    caseVaultId: Id,
    payload: z.discriminatedUnion('type', [
      z.object({ type: z.literal('correction'), requestId: Id }),
      z.object({
        type: z.literal('bundle'),
        data: z
          .string()
          .min(1)
          .max(16 * 1024 * 1024)
          .regex(/^[A-Za-z0-9_-]+$/, 'base64url'),
      }),
    ]),
  }),
} satisfies Record<string, z.ZodType>;

export interface MunicipalityInfo {
  origin: string;
  name: string;
  code: string;
  /** A demo server: synthetic people, published signing keys. */
  demo: boolean;
  resources: string[];
}

export interface ConnectionSummary {
  id: string;
  origin: string;
  municipality: { name: string; code: string };
  demo: boolean;
  /** The citizen the data is about (null until the first sync read it). */
  citizen: { id: string; name: string } | null;
  /** Who signed in; `custody` when a parent acts for a child, `power-of-attorney` when a representative acts for someone. */
  actor: { id: string; name: string; relation: 'self' | 'custody' | 'power-of-attorney' } | null;
  /** The power of attorney a representative's data rests on (from the last sync). */
  power: PowerBasis | null;
  /** The municipality refused the power: syncing stopped; `copyKept` once the citizen chose to keep the copy. */
  powerEnded: { code: string; at: string; copyKept: boolean } | null;
  /**
   * The powers of attorney the citizen has given (their own connection only); null while the
   * municipality has not listed them (before the first sync, or a server that does not offer them).
   */
  givenPowers: GivenPower[] | null;
  /** The municipality holds back some of a young citizen's data until they are older (never says which). */
  heldBack: boolean;
  /** False when the citizen must sign in again (municipalConnect with the same origin). */
  signedIn: boolean;
  connectedAt: string;
  lastSync: SyncOutcome | null;
  resources: { resource: string; complete: boolean; lastSyncedAt: string | null }[];
}

export interface ProvenanceCheck {
  valid: boolean;
  /** Why not, when not valid: a SignatureError code, or `no-signature` / `no-keys`. */
  reason: string | null;
  issuer: string | null;
  kid: string | null;
  /** When the municipality signed the page (ISO). */
  signedAt: string | null;
}

/** The data of *Now* (see `municipalNow`). */
export interface NowData {
  /** The municipal records *Now* reads; the overview's lists without the access log. */
  data: NowSummaryData['data'];
  /** The citizen's own appointments and deadlines still ahead (read from letters and calendar files). */
  own: NowSummaryData['own'];
  /** Source records that could not be read (left out, named by kind). */
  damaged: DamagedRecord[];
  /** Whether the profile holds any municipal record at all (the summary may be empty without). */
  hasData: boolean;
  /** Whether it holds any entry read from a letter or a calendar file (ahead or not). */
  hasOwnEntries: boolean;
  /** Records decrypted for this answer: 1 when the stored summary was current. */
  recordsRead: number;
}

export interface MunicipalApiResults {
  municipalDiscover: MunicipalityInfo;
  municipalConnect: { connectionId: string; sync: SyncStatus };
  municipalConnections: ConnectionSummary[];
  municipalSync: SyncStatus;
  municipalSyncStatus: SyncStatus[];
  municipalDisconnect: null;
  municipalKeepCopy: null;
  municipalWithdrawPower: ConnectionSummary;
  municipalDocumentPdf: { data: string; bytes: number; sha256: string };
  municipalNow: NowData;
  municipalVerifyRecord: ProvenanceCheck;
  municipalInboxSend: { receipt: InboxReceipt };
}

export type MunicipalMethod = keyof typeof MunicipalApiArgs;
