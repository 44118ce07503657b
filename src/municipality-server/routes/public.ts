/** Public, unauthenticated routes: discovery, keys, a start page and the demo "change appointment" page. */
import { Hono } from 'hono';
import { claimedBundleId, verifyRevocation } from '../../bundle/index';
import { RECIPIENT_DOCUMENT_PATH, type RecipientDocument } from '../../bundle/recipient-document';
import { problem } from '../problem';
import { RESOURCES, type Discovery } from '../../municipal/api/schemas';
import { MUNICIPALITY } from '../data/municipality';
import { MAX_PAGE_SIZE, type MunicipalityState } from '../state';

export function publicRoutes(state: MunicipalityState): Hono {
  const app = new Hono();

  app.get('/.well-known/jwks.json', (c) => c.json(state.keys.jwks(), 200, { 'Cache-Control': 'public, max-age=300' }));

  app.get('/.well-known/citizen-data-api', (c) => {
    const body: Discovery = {
      issuer: state.baseUrl,
      municipality: { ...MUNICIPALITY },
      authorization_endpoint: `${state.baseUrl}/oauth/authorize`,
      token_endpoint: `${state.baseUrl}/oauth/token`,
      jwks_uri: `${state.baseUrl}/.well-known/jwks.json`,
      api_base: `${state.baseUrl}/citizen/v1`,
      resources: [...RESOURCES],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      max_page_size: MAX_PAGE_SIZE,
      max_inbox_bytes: state.maxInboxBytes,
      demo: true,
    };
    return c.json(body);
  });

  // Whom citizens encrypt a bundle for a case's inbox to. No bundle endpoint: bundles go to a
  // case's inbox, which needs the citizen signed in.
  app.get(RECIPIENT_DOCUMENT_PATH, (c) => {
    const body: RecipientDocument = {
      version: 1,
      name: MUNICIPALITY.name,
      ageRecipient: state.recipient.recipient,
      revocationEndpoint: `${state.baseUrl}/revocations`,
      description: 'Kommunen modtager dine data til en sag i sagens indbakke (POST /citizen/v1/cases/{caseId}/inbox, når du er logget ind).',
    };
    return c.json(body, 200, { 'Cache-Control': 'public, max-age=300' });
  });

  // A citizen withdraws consent for a bundle sent to an inbox. No sign-in: the notice is signed
  // by the key that signed the bundle, which is the only key it is checked against.
  // (Its body is bounded by body-limit.ts, like every endpoint's.)
  app.post('/revocations', async (c) => {
    const notice = (await c.req.text()).trim();
    const bundleId = claimedBundleId(notice);
    if (!bundleId) return problem(c, 'invalid-request', 400, 'not a compact JWS naming a bundle id');
    // Citizens' bundles are held apart; the notice withdraws only those its key signed.
    const held = state.inboxes.bundlesWithId(bundleId);
    if (held.length === 0) return problem(c, 'not-found', 404, 'no bundle with that id arrived here');
    let reason = '';
    let revokedAt: string | undefined;
    for (const bundle of held) {
      const checked = verifyRevocation(notice, { kty: 'OKP', crv: 'Ed25519', x: bundle.issuerKey });
      if (!checked.ok) {
        reason = checked.reason;
        continue;
      }
      // A repeated notice changes nothing; the first one's time stands.
      if (!bundle.revokedAt) Object.assign(bundle, { revokedAt: checked.revokedAt, notice });
      revokedAt ??= bundle.revokedAt;
    }
    if (!revokedAt) return problem(c, 'invalid-request', 400, `the notice is not valid for that bundle: ${reason}`);
    return c.json({ bundleId, revoked: true, revokedAt });
  });

  // A bundle's status, where its manifest names this place (src/bundle/status.ts). Open to
  // anyone holding the bundle, as the ids are random; it tells only "active" or the signed end.
  app.get('/revocations/:bundleId', (c) => {
    const bundleId = c.req.param('bundleId');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'no-store');
    const held = state.inboxes.bundlesWithId(bundleId);
    if (held.length === 0) return problem(c, 'not-found', 404, 'no bundle with that id arrived here');
    const ended = held.find((b) => b.notice !== undefined);
    return c.json(ended?.notice ? { bundleId, status: 'ended', notice: ended.notice } : { bundleId, status: 'active' });
  });

  app.get('/', (c) =>
    c.html(`<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${MUNICIPALITY.name} – referenceserver</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto">
<h1>${MUNICIPALITY.name} (fiktiv)</h1><p>Referenceserver for Citizen Data API med opdigtede data. Datoerne er skrevet omkring ${state.today}.</p>
<ul><li><a href="/.well-known/citizen-data-api">/.well-known/citizen-data-api</a></li><li><a href="/.well-known/jwks.json">/.well-known/jwks.json</a></li></ul>
</body></html>`),
  );

  app.get('/selvbetjening/aftaler/:id', (c) =>
    c.html(`<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Ændr aftale (demo)</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto"><h1>Ændr eller aflys aftale</h1>
<p>Her ville du kunne flytte eller aflyse aftalen <code>${c.req.param('id').replace(/[^A-Za-z0-9._:-]/g, '')}</code> i det system, den kommer fra.
Dette er en demoside på referenceserveren.</p></body></html>`),
  );

  return app;
}
