/** Bearer authentication and what the signed-in viewer may see. */
import type { MiddlewareHandler } from 'hono';
import { RESOURCES, type Representation, type ResourceName } from '../../municipal/api/schemas';
import { ageOn } from '../data/dates';
import type { CitizenLedger, LedgerEntry } from '../ledger';
import type { AccessToken } from '../oauth/tokens';
import { powerCovers, type HeldPower } from '../powers-of-attorney';
import { problem } from '../problem';
import type { MunicipalityState } from '../state';
import { youthMaySee } from '../youth-rules';

export type CitizenEnv = { Variables: { grant: AccessToken; accessToken: string } };

/**
 * Authenticates the bearer token and, for a representative, checks the power of attorney again:
 * a withdrawal, an expiry or a conflicting power refuses the very next request.
 */
export function requireBearer(state: MunicipalityState): MiddlewareHandler<CitizenEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header);
    const grant = match ? state.tokens.authenticate(match[1]!) : undefined;
    if (!match || !grant) return problem(c, 'unauthorized', 401, match ? 'the access token is invalid or has expired' : 'send Authorization: Bearer <token>');
    if (grant.relation === 'power-of-attorney') {
      const check = state.powers.check(grant.powerOfAttorneyId, grant.actor, grant.subject, state.currentDay());
      if (!check.ok) return problem(c, check.code, check.status, check.detail);
    }
    c.set('grant', grant);
    c.set('accessToken', match[1]!);
    await next();
  };
}

export interface Viewer {
  readonly youthRestricted: boolean;
  /** Part of every cursor: a change of visibility invalidates cursors. */
  readonly policy: string;
  /** Whether the viewer may read this resource at all (only a power of attorney narrows it). */
  mayRead(resource: ResourceName): boolean;
  maySee(entry: LedgerEntry): boolean;
  /** Who acts for the citizen, when someone does. */
  readonly representation?: Representation;
  /** The power of attorney the session rests on, checked by requireBearer. */
  readonly power?: HeldPower;
}

const everything = () => true;

export function viewerOf(state: MunicipalityState, grant: AccessToken): Viewer {
  const citizen = state.catalog.get(grant.subject).citizen;
  const party = (id: string) => ({ id, name: state.catalog.get(id).citizen.name.full });
  if (grant.relation === 'power-of-attorney') {
    const power = grant.powerOfAttorneyId === undefined ? undefined : state.powers.get(grant.powerOfAttorneyId);
    // requireBearer has refused a token whose power is unknown; nothing is still the safe answer.
    if (!power) return { youthRestricted: false, policy: 'none', mayRead: () => false, maySee: () => false };
    return {
      youthRestricted: false,
      policy: `poa-${power.id}`,
      mayRead: (resource) => power.categories.includes(resource),
      maySee: (entry) => powerCovers(power, entry.resource, entry.visibility),
      representation: { basis: 'power-of-attorney', powerOfAttorneyId: power.id, representative: party(grant.actor), onBehalfOf: party(grant.subject) },
      power,
    };
  }
  if (grant.relation === 'custody') {
    // A parent acting by custody is not limited by the youth rules.
    return {
      youthRestricted: false,
      policy: 'all',
      mayRead: everything,
      maySee: everything,
      representation: { basis: 'custody', representative: party(grant.actor), onBehalfOf: party(grant.subject) },
    };
  }
  const age = ageOn(citizen.birthDate, state.today);
  // Youth rules limit what young people see themselves.
  if (age >= 18) return { youthRestricted: false, policy: 'all', mayRead: everything, maySee: everything };
  return {
    youthRestricted: true,
    policy: `youth-${age}`,
    mayRead: everything,
    maySee: (entry) => youthMaySee(state.youthRules, age, entry.visibility),
  };
}

/** Whether the viewer is kept from at least one current record (the answer names none of them). */
export function holdsBack(ledger: CitizenLedger, viewer: Viewer): boolean {
  for (const resource of RESOURCES) {
    for (const entry of ledger.changesAfter(resource, 0)) if (entry.record.type !== 'tombstone' && !viewer.maySee(entry)) return true;
  }
  return false;
}
