import { z } from 'zod';
import { Jwks, RESOURCES, ResourceName } from '../../municipal/api/schemas';
import { defineKind } from '../kind';
import { MunicipalOrigin } from './received';

const IsoInstant = z.iso.datetime({ offset: true });

/** Where a resource's change feed stands for this connection. */
export const ResourceCursor = z.object({
  /** The last stored page's syncToken; null before the first page. */
  cursor: z.string().max(4096).nullable(),
  /** Grows when the server asks for a full re-sync; records of older generations are dropped after it. */
  generation: z.int().min(0),
  /** True once the feed was followed to its end at least once in this generation. */
  complete: z.boolean(),
  lastSyncedAt: IsoInstant.nullable(),
});
export type ResourceCursor = z.infer<typeof ResourceCursor>;

export const SyncOutcome = z.object({
  startedAt: IsoInstant,
  finishedAt: IsoInstant,
  result: z.enum(['ok', 'partial', 'failed']),
  /** A vault error code when the sync did not finish (e.g. sign-in-required). */
  error: z.string().max(60).nullable(),
  stored: z.int().min(0),
  deleted: z.int().min(0),
  /** Records received but not stored because their signature or digest did not verify. */
  rejected: z.int().min(0),
});
export type SyncOutcome = z.infer<typeof SyncOutcome>;

const Day = z.iso.date();
const Topic = z.object({ code: z.string().regex(/^\d{2}$/), title: z.string().max(200) });

/** The power of attorney a representative's connection rests on, as the municipality stated it at the last sync. */
export const PowerBasis = z.object({
  id: z.string().min(1).max(128),
  categories: z.array(ResourceName).min(1).max(RESOURCES.length),
  /** KLE main groups held back even within the categories. */
  excludedTopics: z.array(Topic).max(100),
  validFrom: Day,
  validUntil: Day.optional(),
});
export type PowerBasis = z.infer<typeof PowerBasis>;

/** A power of attorney the citizen has given, as the municipality listed it at their last own sync. */
export const GivenPower = PowerBasis.extend({
  representative: z.object({ id: z.string().min(1).max(128), name: z.string().max(200) }),
  withdrawnAt: IsoInstant.optional(),
  status: z.enum(['active', 'not-yet-valid', 'expired', 'withdrawn']),
});
export type GivenPower = z.infer<typeof GivenPower>;

export const OAuthTokens = z.object({
  accessToken: z.string().min(1).max(4096),
  refreshToken: z.string().min(1).max(4096),
  /** Milliseconds since the epoch. */
  expiresAt: z.number().int(),
});
export type OAuthTokens = z.infer<typeof OAuthTokens>;

/**
 * A connection to one municipality for one profile: its endpoints, the citizen's id there, the
 * OAuth tokens (secrets: they live only here, inside the vault), the cached signing keys and
 * where each resource's sync stands.
 */
export const municipalConnectionKind = defineKind({
  name: 'municipal-connection',
  pageAccess: 'none',
  managedBy: 'the municipal connector',
  scope: 'profile',
  version: 1,
  description: 'A connection to a municipality: endpoints, the citizen\u2019s id there, sign-in tokens, signing keys and sync position per resource.',
  schema: z.object({
    origin: MunicipalOrigin,
    municipality: z.object({ name: z.string().min(1).max(200), code: z.string().max(10) }),
    /** True for a demo server with synthetic people and published signing keys. */
    demo: z.boolean(),
    endpoints: z.object({
      authorization: z.url(),
      token: z.url(),
      jwks: z.url(),
      apiBase: z.url(),
    }),
    maxPageSize: z.int().min(1).max(1000),
    clientId: z.string().min(1).max(128),
    redirectUri: z.url(),
    /** The citizen the data is about, and who signed in (a parent may act for a child). */
    citizen: z.object({ id: z.string().min(1).max(128), name: z.string().max(200) }).nullable(),
    actor: z.object({ id: z.string().min(1).max(128), name: z.string().max(200), relation: z.enum(['self', 'custody', 'power-of-attorney']) }).nullable(),
    /** A representative's power of attorney, from the last sync. */
    power: PowerBasis.optional(),
    /** The municipality refused the power (withdrawn, expired, …): syncing stopped; the copy held stays until the citizen chooses. */
    powerEnded: z.object({ code: z.string().max(60), at: IsoInstant, copyKept: z.boolean() }).optional(),
    /** The powers of attorney the citizen has given (only on their own connection). */
    givenPowers: z.array(GivenPower).max(200).optional(),
    /** Youth rules hold back some of the citizen's records for now (the municipality says so, never which). */
    heldBack: z.boolean().optional(),
    /** Null when the citizen must sign in again. */
    tokens: OAuthTokens.nullable(),
    jwks: Jwks,
    resources: z.object(Object.fromEntries(RESOURCES.map((r) => [r, ResourceCursor])) as Record<(typeof RESOURCES)[number], typeof ResourceCursor>),
    connectedAt: IsoInstant,
    lastSync: SyncOutcome.nullable(),
  }),
});
export type MunicipalConnectionData = z.infer<typeof municipalConnectionKind.schema>;
