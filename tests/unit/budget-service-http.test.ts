/**
 * The example budget service over real HTTP on 127.0.0.1, with bundles made by createBundle:
 * accepted, tampered, expired, not for it, revoked — each refused with its reason, and the page
 * shows the food budget only while a valid, unrevoked bundle is held.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter, Encrypter } from 'age-encryption';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRevocation, generateIdentity } from '../../src/bundle';
import { RECIPIENT_DOCUMENT_PATH, RecipientDocument } from '../../src/bundle/recipient-document';
import { startBudgetService, type RunningBudgetService } from '../../src/example-budget-service/server';
import { DIET_PLAN, FOOD_AVERAGE, FOOD_MONTHS, newKeys, tamper, thomasBundle, type ThomasKeys } from './budget-service-fixtures';

const SERVICE = generateIdentity();
const dir = mkdtempSync(join(tmpdir(), 'budget-service-'));
let clock = new Date('2026-11-20T10:00:00.000Z');
let service: RunningBudgetService;
let keys: ThomasKeys;

const kroner = (minor: number) => new Intl.NumberFormat('da-DK', { style: 'currency', currency: 'DKK' }).format(minor / 100);

beforeAll(async () => {
  service = await startBudgetService({ port: 0, identity: SERVICE.identity, revokedFile: join(dir, 'revoked.json'), now: () => clock });
});
afterAll(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  clock = new Date('2026-11-20T10:00:00.000Z');
});

const post = (bytes: Uint8Array, type = 'application/octet-stream') =>
  fetch(`${service.url}/bundles`, { method: 'POST', headers: { 'Content-Type': type }, body: bytes.slice().buffer });
const revoke = (notice: string) => fetch(`${service.url}/revocations`, { method: 'POST', headers: { 'Content-Type': 'application/jose' }, body: notice });
const page = async () => {
  const res = await fetch(`${service.url}/`);
  expect(res.headers.get('content-type')).toContain('text/html');
  return res.text();
};
async function expectProblem(res: Response, status: number, reason: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as { reason: string; status: number; title: string };
  expect(body).toMatchObject({ reason, status });
  expect(body.title.length).toBeGreaterThan(0);
}
const made = (options: Partial<Parameters<typeof thomasBundle>[0]> = {}) =>
  thomasBundle({
    keys,
    encryptTo: SERVICE.recipient,
    issuedAt: new Date('2026-11-01T09:00:00.000Z'),
    expiresAt: new Date('2026-12-31T23:00:00.000Z'),
    ...options,
  });

describe('the example budget service', () => {
  it('publishes its recipient document with its key and both endpoints', async () => {
    const res = await fetch(`${service.url}${RECIPIENT_DOCUMENT_PATH}`);
    expect(res.status).toBe(200);
    const doc = RecipientDocument.parse(await res.json());
    expect(doc.ageRecipient).toBe(SERVICE.recipient);
    expect(doc.bundleEndpoint).toBe(`${service.url}/bundles`);
    expect(doc.revocationEndpoint).toBe(`${service.url}/revocations`);
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('shows "no data" before anything is sent', async () => {
    keys = newKeys(SERVICE);
    expect(await page()).toContain('Ingen data');
  });

  it('accepts a genuine bundle and shows the food budget per month, the average and the diet plan', async () => {
    const bundle = await made();
    const res = await post(bundle);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ from: 'Thomas Nielsen', accepted: ['monthly-food-budget', 'diet-plan'], months: 3 });
    const html = await page();
    expect(html).not.toContain('Ingen data');
    for (const m of FOOD_MONTHS) expect(html).toContain(`<td data-month="${m.month}">${kroner(m.spentMinor)}</td>`);
    expect(html).toContain(`<td data-testid="average">${kroner(FOOD_AVERAGE)}</td>`);
    expect(html).toContain('oktober 2026');
    expect(html).toContain(DIET_PLAN.body);
    // Sending the same bundle again holds it once.
    expect((await post(bundle)).status).toBe(200);
    expect(html.split('<section').length).toBe((await page()).split('<section').length);
  });

  it('refuses a tampered bundle and keeps nothing of it', async () => {
    const before = await page();
    await expectProblem(await post(tamper(await made({ keys: newKeys(SERVICE) }))), 422, 'tampered');
    expect(await page()).toBe(before);
  });

  it('refuses an expired bundle, and drops a held one once it expires', async () => {
    const expired = await made({ issuedAt: new Date('2026-10-01T00:00:00.000Z'), expiresAt: new Date('2026-11-01T00:00:00.000Z') });
    await expectProblem(await post(expired), 422, 'expired');
    await expectProblem(await post(await made({ notBefore: new Date('2026-12-01T00:00:00.000Z') })), 422, 'not-yet-valid');

    const own = newKeys(SERVICE);
    expect(await post(await made({ keys: own, expiresAt: new Date('2026-11-21T00:00:00.000Z') }))).toHaveProperty('status', 201);
    const sections = (html: string) => html.split('<section').length - 1;
    const held = sections(await page());
    clock = new Date('2026-11-21T00:00:00.000Z');
    expect(sections(await page())).toBe(held - 1);
  });

  it('refuses a bundle for someone else: another key, or re-encrypted to it by the first recipient', async () => {
    const other = generateIdentity();
    await expectProblem(await post(await made({ encryptTo: other.recipient })), 403, 'wrong-key');

    // The other recipient decrypts its bundle and re-encrypts the same signed content to the service.
    const forOther = await made({ encryptTo: other.recipient });
    const decrypter = new Decrypter();
    decrypter.addIdentity(other.identity);
    const zip = await decrypter.decrypt(forOther);
    const encrypter = new Encrypter();
    encrypter.addRecipient(SERVICE.recipient);
    await expectProblem(await post(await encrypter.encrypt(zip)), 403, 'not-for-you');
  });

  it('honours a revocation signed by the issuer: the data is dropped and the bundle refused from then on', async () => {
    const own = newKeys(SERVICE);
    const bundle = await made({ keys: own, id: 'revoke-me-0123456789' });
    expect((await post(bundle)).status).toBe(201);
    expect(await page()).toContain('revoke-me-0123456789');

    // A notice for that bundle from another key changes nothing.
    const forged = createRevocation({ signingSecretKey: newKeys().signingSecretKey, bundleId: 'revoke-me-0123456789', revokedAt: clock });
    await expectProblem(await revoke(forged), 403, 'not-the-issuer');
    expect(await page()).toContain('revoke-me-0123456789');

    const notice = createRevocation({ signingSecretKey: own.signingSecretKey, bundleId: 'revoke-me-0123456789', revokedAt: clock });
    const res = await revoke(notice);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ bundleId: 'revoke-me-0123456789', revoked: true });
    expect(await page()).not.toContain('revoke-me-0123456789');
    await expectProblem(await post(bundle), 410, 'revoked');
    // Sent again, the notice is acknowledged and changes nothing.
    expect((await revoke(notice)).status).toBe(200);

    // The revocation survives a restart of the service (the id list is kept in its file).
    const restarted = await startBudgetService({ port: 0, identity: SERVICE.identity, revokedFile: join(dir, 'revoked.json'), now: () => clock });
    try {
      const again = await fetch(`${restarted.url}/bundles`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: bundle.slice().buffer,
      });
      await expectProblem(again, 410, 'revoked');
    } finally {
      await restarted.close();
    }
    expect(readFileSync(join(dir, 'revoked.json'), 'utf8')).not.toContain('Thomas');
  });

  it('answers bad requests with a problem and a reason', async () => {
    await expectProblem(await post(new TextEncoder().encode('hello'), 'text/plain'), 415, 'unsupported-media-type');
    await expectProblem(await post(new TextEncoder().encode('not a bundle at all')), 400, 'not-a-bundle');
    await expectProblem(await revoke('not.a.notice'), 400, 'bad-notice');
    await expectProblem(await revoke('garbage'), 400, 'bad-notice');
    const unknown = createRevocation({ signingSecretKey: keys.signingSecretKey, bundleId: 'never-sent-0123456789', revokedAt: clock });
    await expectProblem(await revoke(unknown), 404, 'unknown-bundle');
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    await expectProblem(await post(big), 413, 'payload-too-large');
  });

  it('refuses a genuine bundle that holds neither a food budget nor a diet plan', async () => {
    const { createBundle } = await import('../../src/bundle');
    const { thomasBundleInput } = await import('./budget-service-fixtures');
    const input = thomasBundleInput({ keys, encryptTo: SERVICE.recipient, issuedAt: new Date('2026-11-01T09:00:00.000Z') });
    input.content.data = { notes: [{ title: 'Indkøbsliste', body: 'mælk' }] };
    await expectProblem(await post(await createBundle(input)), 422, 'nothing-usable');
  });
});

describe('the service identity', () => {
  it('is created at first start in a private file and reused afterwards', async () => {
    const file = join(dir, 'id', 'identity.txt');
    const first = await startBudgetService({ port: 0, identityFile: file });
    await first.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^# created: .+\n# public key: age1[a-z0-9]+\nAGE-SECRET-KEY-1[A-Z0-9]+\n$/);
    const second = await startBudgetService({ port: 0, identityFile: file });
    await second.close();
    expect(second.identity).toEqual(first.identity);
  });

  it('refuses an identity that is not an age X25519 key', async () => {
    await expect(startBudgetService({ port: 0, identity: 'AGE-SECRET-KEY-1NOPE' })).rejects.toThrow(/identity: an age X25519 identity/);
  });
});
