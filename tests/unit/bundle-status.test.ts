/**
 * A bundle's status where it names a place: the pure reading of answers (an unreachable or
 * confused place is never "active"), then the example budget tool as that place over HTTP on
 * 127.0.0.1, asked by the SDK and by the receiver CLI's `status` and `verify --check-status`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStatus, createRevocation, ed25519Jwk, generateIdentity, type BundleManifest, type StatusGet } from '../../src/bundle';
import { startBudgetService, type RunningBudgetService } from '../../src/example-budget-service/server';
import { checkBundleStatus, EXIT_CODES } from '../../src/receiver/sdk';
import { newKeys, thomasBundle } from './budget-service-fixtures';
import { cli } from './support/receiver-cli';

const ID = 'bundle-status-0001';
const secret = ed25519.utils.randomSecretKey();
const manifest: Pick<BundleManifest, 'id' | 'issuer' | 'revocationEndpoint'> = {
  id: ID,
  issuer: { name: 'Thomas', jwk: ed25519Jwk(secret) },
  revocationEndpoint: 'https://budget.example/revocations',
};
const notice = (key = secret, bundleId = ID) => createRevocation({ signingSecretKey: key, bundleId, revokedAt: new Date('2027-02-01T10:00:00.000Z') });
const answering =
  (status: number, body: unknown): StatusGet =>
  async () => ({ status, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('reading a status', () => {
  it('asks GET <revocationEndpoint>/<id>', async () => {
    const asked: string[] = [];
    await checkStatus(manifest, async (url) => (asked.push(url), { status: 200, body: JSON.stringify({ bundleId: ID, status: 'active' }) }));
    expect(asked).toEqual([`https://budget.example/revocations/${ID}`]);
  });

  it('is active or ended only by an answer about this bundle; ended only with a notice by its issuer', async () => {
    expect(await checkStatus(manifest, answering(200, { bundleId: ID, status: 'active' }))).toMatchObject({ state: 'active' });
    expect(await checkStatus(manifest, answering(200, { bundleId: ID, status: 'ended', notice: notice() }))).toEqual({
      state: 'ended',
      place: `https://budget.example/revocations/${ID}`,
      endedAt: '2027-02-01T10:00:00.000Z',
    });
    const forged = notice(ed25519.utils.randomSecretKey());
    expect(await checkStatus(manifest, answering(200, { bundleId: ID, status: 'ended', notice: forged }))).toMatchObject({
      state: 'unknown',
      reason: 'bad-answer',
    });
    const other = notice(secret, 'another-bundle-0001');
    expect(await checkStatus(manifest, answering(200, { bundleId: ID, status: 'ended', notice: other }))).toMatchObject({
      state: 'unknown',
      reason: 'bad-answer',
    });
    expect(await checkStatus(manifest, answering(200, { bundleId: 'another-bundle-0001', status: 'active' }))).toMatchObject({
      state: 'unknown',
      reason: 'bad-answer',
    });
  });

  it('says plainly when it could not check: never active', async () => {
    const cases: [StatusGet, string][] = [
      [async () => Promise.reject(new TypeError('fetch failed')), 'unreachable'],
      [answering(404, { reason: 'unknown-bundle' }), 'not-known'],
      [answering(500, 'oops'), 'bad-answer'],
      [answering(200, '<html>'), 'bad-answer'],
      [answering(200, { bundleId: ID, status: 'valid' }), 'bad-answer'],
      [answering(200, 'x'.repeat(70_000)), 'bad-answer'],
    ];
    for (const [get, reason] of cases) expect(await checkStatus(manifest, get)).toMatchObject({ state: 'unknown', reason });
    const { revocationEndpoint: _, ...noPlace } = manifest;
    expect(await checkStatus(noPlace, answering(200, { bundleId: ID, status: 'active' }))).toMatchObject({ state: 'unknown', reason: 'no-place' });
  });
});

describe('the budget tool as the place, asked by the SDK and the CLI', () => {
  const SERVICE = generateIdentity();
  const keys = newKeys(SERVICE);
  const dir = mkdtempSync(join(tmpdir(), 'bundle-status-'));
  const identityFile = join(dir, 'service.txt');
  let service: RunningBudgetService;
  let bundle: Uint8Array;
  let bundleFile: string;
  const now = ['--now', '2026-11-20T10:00:00.000Z'];

  beforeAll(async () => {
    service = await startBudgetService({ port: 0, identity: SERVICE.identity, now: () => new Date('2026-11-20T10:00:00.000Z') });
    writeFileSync(identityFile, `${SERVICE.identity}\n`);
    bundle = await thomasBundle({
      keys,
      encryptTo: SERVICE.recipient,
      issuedAt: new Date('2026-11-01T09:00:00.000Z'),
      expiresAt: new Date('2026-12-31T23:00:00.000Z'),
      recipientEndpoint: `${service.url}/revocations`,
      id: 'budget-status-000001',
    });
    bundleFile = join(dir, 'budget.hrbundle');
    writeFileSync(bundleFile, bundle);
  });
  afterAll(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get: StatusGet = async (url) => {
    const res = await fetch(url);
    return { status: res.status, body: await res.text() };
  };
  const options = { identity: SERVICE.identity, now: new Date('2026-11-20T10:00:00.000Z') };

  it('is not known before the tool has it, active while it holds it, ended after the notice', async () => {
    expect(await checkBundleStatus(bundle, options, get)).toMatchObject({ ok: true, status: { state: 'unknown', reason: 'not-known' } });
    const posted = await fetch(`${service.url}/bundles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: bundle.slice().buffer,
    });
    expect(posted.status).toBe(201);
    expect(await checkBundleStatus(bundle, options, get)).toMatchObject({ ok: true, status: { state: 'active' } });
    const active = await cli(['status', bundleFile, '-i', identityFile, ...now]);
    expect(active.code, active.stderr).toBe(EXIT_CODES.ok);
    expect(active.stdout).toContain('Status: valid according to');

    const ended = createRevocation({
      signingSecretKey: keys.signingSecretKey,
      bundleId: 'budget-status-000001',
      revokedAt: new Date('2026-11-20T11:00:00.000Z'),
    });
    expect((await fetch(`${service.url}/revocations`, { method: 'POST', body: ended })).status).toBe(200);
    const res = await fetch(`${service.url}/revocations/budget-status-000001`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual({ bundleId: 'budget-status-000001', status: 'ended', notice: ended });

    const status = await cli(['status', bundleFile, '-i', identityFile, ...now]);
    expect(status.code).toBe(EXIT_CODES.revoked);
    expect(status.stdout).toContain('Status: ended 2026-11-20T11:00:00.000Z');
    const verified = await cli(['verify', bundleFile, '-i', identityFile, ...now, '--check-status']);
    expect(verified.code).toBe(EXIT_CODES.revoked);
    // Without the check, verify says the status was not checked, never that it stands.
    const unchecked = await cli(['verify', bundleFile, '-i', identityFile, ...now]);
    expect(unchecked.code).toBe(EXIT_CODES.ok);
    expect(unchecked.stdout).toContain('Status: not checked');
  }, 60_000);

  it('says it could not check when the place does not answer, and exits with its own code', async () => {
    // A port that was just free: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const silent = await thomasBundle({
      keys,
      encryptTo: SERVICE.recipient,
      issuedAt: new Date('2026-11-01T09:00:00.000Z'),
      expiresAt: new Date('2026-12-31T23:00:00.000Z'),
      recipientEndpoint: `http://127.0.0.1:${port}/revocations`,
    });
    const file = join(dir, 'silent.hrbundle');
    writeFileSync(file, silent);
    const run = await cli(['verify', file, '-i', identityFile, ...now, '--check-status']);
    expect(run.code).toBe(EXIT_CODES['status-unknown']);
    expect(run.stdout).toContain('could not be checked');
    expect(run.stdout).not.toContain('genuine, unchanged and valid');
    const json = await cli(['status', file, '-i', identityFile, ...now, '--json']);
    expect(json.code).toBe(EXIT_CODES['status-unknown']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, status: { state: 'unknown', reason: 'unreachable' } });
  }, 60_000);
});
