/**
 * Powers of attorney (fuldmagter): a citizen (the grantor) lets another person (the
 * representative) read their data, limited to some of the API's resource categories and
 * optionally holding back whole KLE main groups (e.g. 29 Sundhed), from one day until another,
 * until withdrawn. The server checks the power on every request a representative makes; see
 * docs/citizen-data-api.md, "Acting for someone else".
 */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, ResourceName, Text } from './primitives';

/** A person named in a power of attorney or in a record of someone acting for another. */
export const PartyRef = z.object({ id: Id, name: Text }).describe('A person: their citizen id and full name.');

export const KleMainGroupRef = z
  .object({
    code: z
      .string()
      .regex(/^\d{2}$/)
      .describe('KLE main group, two digits.'),
    title: Text.describe('e.g. "Sundhed".'),
  })
  .describe('A KLE main group: every topic whose code starts with it.');

export const PowerOfAttorneyStatus = z
  .enum(['active', 'not-yet-valid', 'expired', 'withdrawn'])
  .describe('As of the server\u2019s current day. Informative: the server decides on every request, not by this field.');

export const PowerOfAttorney = z
  .object({
    type: z.literal('power-of-attorney'),
    id: Id.describe('The grant id; a representative\u2019s session names it.'),
    version: z.int().min(1),
    updatedAt: IsoDateTime,
    grantor: PartyRef.describe('Who gave the power (fuldmagtsgiver); the data read is theirs.'),
    representative: PartyRef.describe('Who may act (fuldmægtig).'),
    categories: z
      .array(ResourceName)
      .min(1)
      .refine((list) => new Set(list).size === list.length, 'each category once')
      .describe('The resources the representative may read. Anything else is refused (outside-power-of-attorney).'),
    excludedTopics: z
      .array(KleMainGroupRef)
      .describe(
        'KLE main groups held back even within the categories. A record counts under its own KLE code, else its case\u2019s; an activity with neither, under its source system\u2019s main group.',
      ),
    validFrom: IsoDate.describe('First day the power holds.'),
    validUntil: IsoDate.optional().describe('Last day the power holds (inclusive); missing: until withdrawn.'),
    withdrawnAt: IsoDateTime.optional().describe('When the grantor withdrew it; it ends at once.'),
    status: PowerOfAttorneyStatus,
  })
  .describe('A power of attorney (fuldmagt): who may read whose data, which categories, and for how long.');

/** Who acted for the citizen, recorded in the access log and on inbox receipts. */
export const Representation = z
  .object({
    basis: z.enum(['custody', 'power-of-attorney']),
    powerOfAttorneyId: Id.optional().describe('Present when the basis is a power of attorney.'),
    representative: PartyRef.describe('The person who acted.'),
    onBehalfOf: PartyRef.describe('The citizen they acted for.'),
  })
  .describe('Someone acting for the citizen, and on what basis.');

/**
 * The problem codes of a representative's refused requests (problem+json `code`; `type` is
 * `urn:citizen-data:problem:<code>`).
 */
export const POWER_OF_ATTORNEY_PROBLEMS = [
  /** 403: the grantor withdrew the power; it no longer opens anything. */
  'power-of-attorney-withdrawn',
  /** 403: the power's last day has passed. */
  'power-of-attorney-expired',
  /** 403: the power's first day has not come. */
  'power-of-attorney-not-yet-valid',
  /** 403: no such power lets this person act for that citizen (an unknown or forged grant id). */
  'power-of-attorney-invalid',
  /** 409: another power between the same two people is in force with a different scope; the grantor must withdraw one. */
  'power-of-attorney-conflict',
  /** 403: the power does not cover this resource (or this record's topic). */
  'outside-power-of-attorney',
  /** 403: only the citizen signed in as themselves may do this (list or withdraw their powers). */
  'self-only',
] as const;
export const PowerOfAttorneyProblemCode = z.enum(POWER_OF_ATTORNEY_PROBLEMS);

export type PartyRef = z.infer<typeof PartyRef>;
export type KleMainGroupRef = z.infer<typeof KleMainGroupRef>;
export type PowerOfAttorneyStatus = z.infer<typeof PowerOfAttorneyStatus>;
export type PowerOfAttorney = z.infer<typeof PowerOfAttorney>;
export type Representation = z.infer<typeof Representation>;
export type PowerOfAttorneyProblemCode = z.infer<typeof PowerOfAttorneyProblemCode>;
