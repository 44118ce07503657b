/**
 * The citizen's self-service for powers of attorney: the powers they have given and been given,
 * and withdrawing one they gave. Only for the citizen signed in as themselves: a representative
 * acting for someone must not see or end that person's other powers.
 */
import { Hono, type Context } from 'hono';
import type { PowerOfAttorneyList, PowerOfAttorneyResponse } from '../../municipal/api/schemas';
import { toCopenhagenIso } from '../data/dates';
import type { HeldPower } from '../powers-of-attorney';
import { problem } from '../problem';
import type { MunicipalityState } from '../state';
import { signPage } from './citizen';
import type { CitizenEnv } from './session';

export function powerOfAttorneyRoutes(state: MunicipalityState): Hono<CitizenEnv> {
  const app = new Hono<CitizenEnv>();

  app.use('/powers-of-attorney/*', async (c, next) => {
    if (c.get('grant').relation !== 'self') return problem(c, 'self-only', 403, 'sign in as yourself to see or withdraw powers of attorney');
    await next();
  });

  const list = (c: Context<CitizenEnv>, powers: HeldPower[]) => {
    const day = state.currentDay();
    const items = powers.map((p) => state.powers.resource(p, day));
    const body: PowerOfAttorneyList = { items, signature: signPage(state, c.get('grant').subject, 'powers-of-attorney', null, items) };
    return c.json(body);
  };

  app.get('/powers-of-attorney/given', (c) => list(c, state.powers.given(c.get('grant').subject)));
  app.get('/powers-of-attorney/received', (c) => list(c, state.powers.received(c.get('grant').subject)));

  app.post('/powers-of-attorney/:id/withdraw', (c) => {
    const subject = c.get('grant').subject;
    const id = c.req.param('id');
    if (state.powers.get(id)?.grantor !== subject) return problem(c, 'not-found', 404, 'you have given no power of attorney with that id');
    const withdrawn = state.powers.withdraw(id, toCopenhagenIso(state.now()))!;
    const powerOfAttorney = state.powers.resource(withdrawn, state.currentDay());
    const body: PowerOfAttorneyResponse = { powerOfAttorney, signature: signPage(state, subject, 'powers-of-attorney', null, [powerOfAttorney]) };
    return c.json(body);
  });

  return app;
}
