/** The reference municipality as a Hono app: compose the routes, body limits, CORS for the registered extensions, errors. */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { limitBodies } from './body-limit';
import { cachePolicy } from './cache-policy';
import { problem } from './problem';
import { citizenRoutes } from './routes/citizen';
import { injectFaults } from './routes/fault-injection';
import { inboxRoutes } from './routes/inbox';
import { oauthRoutes } from './routes/oauth';
import { powerOfAttorneyRoutes } from './routes/powers-of-attorney';
import { publicRoutes } from './routes/public';
import { requireBearer, type CitizenEnv } from './routes/session';
import { testModeRoutes } from './routes/test-mode';
import { MunicipalityState, type MunicipalityOptions } from './state';

export interface MunicipalityApp {
  readonly app: Hono;
  readonly state: MunicipalityState;
}

export function createMunicipalityApp(options: MunicipalityOptions = {}): MunicipalityApp {
  const state = new MunicipalityState(options);
  const app = new Hono();

  // The extension calls with a host permission, so CORS is not strictly needed; allowing the
  // registered extensions' own origins keeps plain fetch from their pages working too.
  app.use(
    '*',
    cors({
      origin: (origin) => (state.extensions.isAllowedOrigin(origin) ? origin : null),
      allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
      exposeHeaders: ['ETag', 'WWW-Authenticate'],
      maxAge: 600,
    }),
  );

  app.use('*', limitBodies(state.maxInboxBytes));
  app.use('*', cachePolicy({ oldHeader: state.oldCacheHeader }));

  app.route('/', publicRoutes(state));
  app.route('/oauth', oauthRoutes(state));

  const api = new Hono<CitizenEnv>();
  api.use('*', requireBearer(state));
  if (state.testMode) api.use('*', injectFaults(state));
  api.route('/', citizenRoutes(state));
  api.route('/', inboxRoutes(state));
  api.route('/', powerOfAttorneyRoutes(state));
  app.route('/citizen/v1', api);

  if (state.testMode) app.route('/__test', testModeRoutes(state));

  app.notFound((c) => problem(c, 'not-found', 404, `no route for ${c.req.method} ${c.req.path}`));
  app.onError((_err, c) => problem(c, 'server-error', 500));
  return { app, state };
}
