/**
 * The receiver SDK: verify's summary, revocation lists that honour only the bundle's own
 * issuer, revocation notices refused when forged or malformed, identity files.
 */
import { describe, expect, it } from 'vitest';
import { createRevocation, keygen, open, parseIdentityFile, revocationList, verify, verifyRevocation, identityToRecipient } from '../../src/receiver/sdk';
import { KEYS, TIMES } from '../../scripts/make-bundle-vectors';
import { readFileSync } from 'node:fs';
import { fromBase64Unpadded } from '../../src/shared/base64url';

const vector = (name: string) =>
  JSON.parse(readFileSync(`tests/vectors/bundle/${name}.json`, 'utf8')) as { bundle: string; revocations?: string[]; result?: { id: string } };
const small = vector('small-x25519');
const bundle = fromBase64Unpadded(small.bundle);
const id = small.result!.id;

describe('receiver SDK', () => {
  it('verify summarises without data', async () => {
    const result = await verify(bundle, { identity: KEYS.recipient, now: TIMES.during });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary).toMatchObject({ id, issuer: { name: 'Thomas Nielsen' }, validUntil: TIMES.expiresAt.toISOString(), purpose: { code: 'budget' } });
    expect(result.summary.issuer.fingerprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Object.keys(result)).not.toContain('data');
  });

  it('a revocation list honours the issuer’s notice and ignores anyone else’s', async () => {
    const genuine = createRevocation({ signingSecretKey: KEYS.issuer.signingSecretKey, bundleId: id, revokedAt: TIMES.during });
    const forged = createRevocation({ signingSecretKey: KEYS.otherIssuer.signingSecretKey, bundleId: id, revokedAt: TIMES.during });
    const otherBundle = createRevocation({ signingSecretKey: KEYS.issuer.signingSecretKey, bundleId: 'AAAAAAAAAAAAAAAAAAAAAA', revokedAt: TIMES.during });
    const at = { identity: KEYS.recipient, now: TIMES.during };
    expect(await open(bundle, { ...at, revoked: revocationList([genuine]) })).toMatchObject({ ok: false, reason: 'revoked' });
    expect((await open(bundle, { ...at, revoked: revocationList([forged, otherBundle, 'junk']) })).ok).toBe(true);
    expect(await open(bundle, { ...at, revoked: () => Promise.reject(new Error('offline')) })).toMatchObject({
      ok: false,
      reason: 'revoked',
      detail: expect.stringContaining('offline'),
    });
  });

  it('verifyRevocation refuses forged, changed and malformed notices', async () => {
    const opened = await open(bundle, { identity: KEYS.recipient, now: TIMES.during });
    if (!opened.ok) throw new Error(opened.detail);
    const issuer = opened.manifest.issuer;
    const notice = createRevocation({ signingSecretKey: KEYS.issuer.signingSecretKey, bundleId: id, revokedAt: TIMES.during });
    expect(verifyRevocation(notice, issuer)).toEqual({ ok: true, bundleId: id, revokedAt: TIMES.during.toISOString() });
    const forged = createRevocation({ signingSecretKey: KEYS.otherIssuer.signingSecretKey, bundleId: id, revokedAt: TIMES.during });
    expect(verifyRevocation(forged, issuer)).toMatchObject({ ok: false, reason: 'wrong-issuer' });
    const [h, p, s] = notice.split('.') as [string, string, string];
    const changed = Buffer.from(Buffer.from(p, 'base64url').toString().replace(id, 'BBBBBBBBBBBBBBBBBBBBBB')).toString('base64url');
    expect(verifyRevocation(`${h}.${changed}.${s}`, issuer)).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verifyRevocation('a.b', issuer)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verifyRevocation(small.bundle, issuer)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(() => createRevocation({ signingSecretKey: KEYS.issuer.signingSecretKey, bundleId: 'x', revokedAt: TIMES.during })).toThrow(/bundleId/);
  });

  it('keygen makes an identity file parseIdentityFile reads back', () => {
    const made = keygen(new Date('2026-12-01T10:00:00.123Z'));
    expect(made.file.startsWith('# created: 2026-12-01T10:00:00Z\n')).toBe(true);
    expect(parseIdentityFile(made.file)).toBe(made.identity);
    expect(identityToRecipient(made.identity)).toBe(made.recipient);
    expect(() => parseIdentityFile('# nothing here\n')).toThrow(/AGE-SECRET-KEY-1/);
  });
});
