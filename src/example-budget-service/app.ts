/**
 * The example receiving service: a small budget tool that accepts Handlerum bundles over HTTP,
 * checks them (genuine, unaltered, for this service, still valid, not revoked) and shows the
 * food budget. Revocation notices signed by a bundle's issuer drop its data for good.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { claimedBundleId, openBundle, verifyRevocation } from '../bundle';
import { jwkFingerprint } from '../bundle/keys';
import { RECIPIENT_DOCUMENT_PATH, RecipientDocument } from '../bundle/recipient-document';
import { findDietPlan, findFoodBudget } from './food-budget';
import { renderPage, STYLE } from './page';
import { problem } from './problem';
import type { BudgetStore } from './store';
import type { ServiceIdentity } from './identity';

export const MAX_BUNDLE_BYTES = 20 * 1024 * 1024;
const MAX_NOTICE_BYTES = 64 * 1024;

export interface BudgetServiceOptions {
  /** The URL the service is reached at, e.g. http://127.0.0.1:8788 (endpoints are built from it). */
  baseUrl: string;
  identity: ServiceIdentity;
  store: BudgetStore;
  name?: string;
  /** The clock (tests move it to see bundles expire). */
  now?: () => Date;
}

export const DEFAULT_NAME = 'Føtex Madbudget (eksempel)';

export function createBudgetServiceApp(options: BudgetServiceOptions): Hono {
  const { identity, store } = options;
  const name = options.name ?? DEFAULT_NAME;
  const now = options.now ?? (() => new Date());
  const app = new Hono();

  const document: RecipientDocument = RecipientDocument.parse({
    version: 1,
    name,
    ageRecipient: identity.recipient,
    bundleEndpoint: `${options.baseUrl}/bundles`,
    revocationEndpoint: `${options.baseUrl}/revocations`,
    description:
      'Viser dit forbrug på dagligvarer pr. måned og din kostplan, så du kan lægge et madbudget. Data slettes, når din deling udløber eller du trækker den tilbage.',
  });

  app.get(RECIPIENT_DOCUMENT_PATH, (c) => c.json(document));

  app.post(
    '/bundles',
    bodyLimit({ maxSize: MAX_BUNDLE_BYTES, onError: (c) => problem(c, 'payload-too-large', `at most ${MAX_BUNDLE_BYTES} bytes`) }),
    async (c) => {
      const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/octet-stream') return problem(c, 'unsupported-media-type', `got ${type ?? 'no content type'}`);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const opened = await openBundle(bytes, { identity: identity.identity, now: now(), revoked: (id) => store.isRevoked(id) });
      if (!opened.ok) return problem(c, opened.reason, opened.detail);
      const { manifest, data } = opened;
      const foodBudget = findFoodBudget(data);
      const dietPlan = findDietPlan(data);
      if (!foodBudget && !dietPlan) return problem(c, 'nothing-usable', 'no monthly-food-budget view and no diet plan in data.json');
      const again = store.get(manifest.id) !== undefined;
      store.accept({
        id: manifest.id,
        issuerName: manifest.issuer.name,
        issuerKey: manifest.issuer.jwk.x,
        issuerFingerprint: jwkFingerprint(manifest.issuer.jwk),
        purpose: manifest.purpose.text.da,
        receivedAt: now(),
        expiresAt: new Date(manifest.expiresAt),
        foodBudget,
        dietPlan,
      });
      const accepted = {
        bundleId: manifest.id,
        from: manifest.issuer.name,
        expiresAt: manifest.expiresAt,
        accepted: [...(foodBudget ? ['monthly-food-budget'] : []), ...(dietPlan ? ['diet-plan'] : [])],
        months: foodBudget?.months.length ?? 0,
      };
      return c.json(accepted, again ? 200 : 201);
    },
  );

  app.post(
    '/revocations',
    bodyLimit({ maxSize: MAX_NOTICE_BYTES, onError: (c) => problem(c, 'payload-too-large', `at most ${MAX_NOTICE_BYTES} bytes`) }),
    async (c) => {
      const notice = (await c.req.text()).trim();
      // The notice names its bundle; it is honoured only if signed by that bundle's issuer key.
      const named = claimedBundleId(notice);
      if (!named) return problem(c, 'bad-notice', 'not a compact JWS naming a bundle id');
      const held = store.get(named);
      // A repeated notice changes nothing; saying so lets the vault stop retrying.
      if (!held && store.isRevoked(named)) return c.json({ bundleId: named, revoked: true });
      if (!held) return problem(c, 'unknown-bundle', named);
      const checked = verifyRevocation(notice, { kty: 'OKP', crv: 'Ed25519', x: held.issuerKey });
      if (!checked.ok) return problem(c, checked.reason === 'malformed' ? 'bad-notice' : 'not-the-issuer', checked.detail);
      const bundleId = checked.bundleId;
      store.revoke(bundleId, held.issuerKey, checked.revokedAt, notice);
      return c.json({ bundleId, revoked: true });
    },
  );

  // A bundle's status, where its manifest names this place (src/bundle/status.ts): active while
  // held, ended with the citizen's signed notice, unknown otherwise.
  app.get('/revocations/:bundleId', (c) => {
    const bundleId = c.req.param('bundleId');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'no-store');
    const notice = store.noticeOf(bundleId);
    if (notice) return c.json({ bundleId, status: 'ended', notice });
    if (store.get(bundleId) && !store.isRevoked(bundleId)) return c.json({ bundleId, status: 'active' });
    return problem(c, 'unknown-bundle', bundleId);
  });

  app.get('/style.css', (c) => c.body(STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8' }));

  app.get('/', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'self'");
    c.header('Cache-Control', 'no-store');
    return c.html(renderPage({ name, bundles: store.current(now()) }));
  });

  return app;
}
