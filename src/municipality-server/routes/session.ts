/** Bearer authentication and what the signed-in viewer may see. */
import type { MiddlewareHandler } from 'hono';
import { ageOn } from '../data/dates';
import { RESOURCES } from '../../municipal/api/schemas';
import type { CitizenLedger, LedgerEntry } from '../ledger';
import type { AccessToken } from '../oauth/tokens';
import { problem } from '../problem';
import type { MunicipalityState } from '../state';
import { youthMaySee } from '../youth-rules';

export type CitizenEnv = { Variables: { grant: AccessToken; accessToken: string } };

export function requireBearer(state: MunicipalityState): MiddlewareHandler<CitizenEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header);
    const grant = match ? state.tokens.authenticate(match[1]!) : undefined;
    if (!match || !grant) return problem(c, 'unauthorized', 401, match ? 'the access token is invalid or has expired' : 'send Authorization: Bearer <token>');
    c.set('grant', grant);
    c.set('accessToken', match[1]!);
    await next();
  };
}

export interface Viewer {
  readonly youthRestricted: boolean;
  /** Part of every cursor: a change of visibility invalidates cursors. */
  readonly policy: string;
  maySee(entry: LedgerEntry): boolean;
}

export function viewerOf(state: MunicipalityState, grant: AccessToken): Viewer {
  const citizen = state.catalog.get(grant.subject).citizen;
  const age = ageOn(citizen.birthDate, state.today);
  // Youth rules limit what young people see themselves; a parent acting by custody is not limited by them.
  const youthRestricted = grant.relation === 'self' && age < 18;
  if (!youthRestricted) return { youthRestricted, policy: 'all', maySee: () => true };
  return {
    youthRestricted,
    policy: `youth-${age}`,
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
