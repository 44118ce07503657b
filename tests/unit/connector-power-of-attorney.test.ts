/**
 * A representative's connection against the real reference municipality: Signe signs in for her
 * brother Thomas, whose power of attorney covers his activities and payments; Thomas, in a profile
 * of his own, reads the powers he has given and withdraws hers; her next sync says the power has
 * ended and stops, keeping the copy until she chooses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hasCode } from '../../src/messaging/errors';
import { addProfile } from './support/setup-vault';
import { connectorHarness, type ConnectorHarness } from './support/connector-harness';

let h: ConnectorHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const POWER_ID = 'fm-thomas-signe';

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return hasCode(error) ? error.code : 'uncoded';
  }
  return 'none';
}

describe('acting for someone under a power of attorney', () => {
  it('syncs only what the power covers, and says on what power the profile rests', async () => {
    h = await connectorHarness({ login: 'fuldmagt:fm-thomas-signe' });
    const { connectionId } = await h.connect();
    const [summary] = await h.service.handlers.municipalConnections({ profileId: h.profileId });
    expect(summary).toMatchObject({
      citizen: { id: 'thomas' },
      actor: { id: 'signe', relation: 'power-of-attorney' },
      power: { id: POWER_ID, excludedTopics: [] },
      powerEnded: null,
      // A representative's own list is not asked for on someone else's behalf.
      givenPowers: null,
      lastSync: { result: 'ok', error: null },
    });
    expect([...summary!.power!.categories].sort()).toEqual(['activities', 'payments']);
    const served = await h.served('thomas');
    expect((await h.stored('payments')).size).toBe(served.payments.size);
    expect((await h.stored('activities')).size).toBe(served.activities.size);
    for (const resource of ['cases', 'decisions', 'documents', 'access-log'] as const) expect((await h.stored(resource)).size, resource).toBe(0);
    // Parts outside the power were never asked for: they did not fail, and they say why they hold nothing.
    const status = await h.sync(connectionId);
    expect(status.state).toBe('ok');
    for (const part of ['cases', 'decisions', 'documents', 'access-log'] as const)
      expect(
        status.parts.find((p) => p.part === part),
        part,
      ).toMatchObject({ state: 'not-covered', pages: 0 });
    for (const part of ['me', 'payments', 'activities'] as const) expect(status.parts.find((p) => p.part === part)?.state, part).toBe('done');
  });

  it('tells "none given" apart from a municipality that does not list the powers given', async () => {
    h = await connectorHarness({ login: 'thomas' });
    await h.arm({ kind: 'not-found', path: '/citizen/v1/powers-of-attorney/given' });
    const { connectionId } = await h.connect();
    const [older] = await h.service.handlers.municipalConnections({ profileId: h.profileId });
    expect(older!.lastSync).toMatchObject({ result: 'ok' });
    expect(older!.givenPowers).toBeNull();
    // Offered again: Thomas's list, with the power he gave his sister.
    await h.sync(connectionId);
    const [listed] = await h.service.handlers.municipalConnections({ profileId: h.profileId });
    expect(listed!.givenPowers!.map((p) => p.id)).toContain(POWER_ID);
  });

  it('after the grantor withdraws, the next sync says so and stops; the copy stays until kept or deleted', async () => {
    h = await connectorHarness({ login: 'fuldmagt:fm-thomas-signe' });
    const { connectionId } = await h.connect();
    const payments = (await h.stored('payments')).size;
    expect(payments).toBeGreaterThan(0);

    // Thomas, in his own profile, reads the powers he has given and withdraws Signe's.
    const own = await addProfile(h.vault, { name: 'Thomas', relation: 'self' });
    h.login.as = 'thomas';
    const mine = await h.service.handlers.municipalConnect({ profileId: own, origin: h.server.url });
    await h.service.whenIdle();
    const [thomas] = await h.service.handlers.municipalConnections({ profileId: own });
    expect(thomas!.givenPowers!.map((p) => [p.id, p.representative.id, p.status])).toContainEqual([POWER_ID, 'signe', 'active']);
    expect(await refusal(h.service.handlers.municipalWithdrawPower({ profileId: own, connectionId: mine.connectionId, powerId: 'fm-nobody' }))).toBe(
      'record-not-found',
    );
    const after = await h.service.handlers.municipalWithdrawPower({ profileId: own, connectionId: mine.connectionId, powerId: POWER_ID });
    const withdrawn = after.givenPowers!.find((p) => p.id === POWER_ID)!;
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.withdrawnAt).toBeDefined();

    // Signe's next sync: the municipality refuses, the vault says why, and stops.
    const status = await h.sync(connectionId);
    expect(status).toMatchObject({ state: 'failed', error: 'power-withdrawn', stored: 0, deleted: 0 });
    const [ended] = await h.service.handlers.municipalConnections({ profileId: h.profileId });
    expect(ended).toMatchObject({ signedIn: false, powerEnded: { code: 'power-withdrawn', copyKept: false }, lastSync: { error: 'power-withdrawn' } });
    expect((await h.stored('payments')).size).toBe(payments);
    expect(await refusal(h.service.handlers.municipalSync({ profileId: h.profileId, connectionId }))).toBe('sign-in-required');

    // Keeping the copy is remembered; deleting it takes the records and the connection.
    expect(await refusal(h.service.handlers.municipalKeepCopy({ profileId: own, connectionId: mine.connectionId }))).toBe('bad-request');
    await h.service.handlers.municipalKeepCopy({ profileId: h.profileId, connectionId });
    const [kept] = await h.service.handlers.municipalConnections({ profileId: h.profileId });
    expect(kept!.powerEnded).toMatchObject({ code: 'power-withdrawn', copyKept: true });
    await h.service.handlers.municipalDisconnect({ profileId: h.profileId, connectionId, deleteData: true });
    expect((await h.stored('payments')).size).toBe(0);
    expect(await h.service.handlers.municipalConnections({ profileId: h.profileId })).toEqual([]);
  });
});
