/**
 * The background's connector methods around the sync: permission, address and sign-in errors,
 * the guard on the generic record methods, provenance checks, disconnecting, and reminders
 * (alarms with opaque names; notification text only while the vault is unlocked).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { route } from '../../src/messaging/router';
import { VaultService } from '../../src/background/vault-service';
import { memorySessionStore } from '../../src/background/session';
import { updateSettings } from '../../src/messaging/settings';
import { parseAlarmName, REMINDER_ALARM_PREFIX } from '../../src/municipal/connector/reminders';
import { KIND_OF_RESOURCE, municipalSignatureKind } from '../../src/records/municipal/index';
import { hasCode, type ErrorCode } from '../../src/messaging/errors';
import { connectorHarness, NOW, storedVersions, type ConnectorHarness } from './support/connector-harness';
import { noteKind } from '../../src/records/note';

let h: ConnectorHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const rejectsWith = (promise: Promise<unknown>, code: ErrorCode) => expect(promise).rejects.toSatisfy((e) => hasCode(e, code));

describe('adding a municipality', () => {
  it('discovers the municipality by address', async () => {
    h = await connectorHarness();
    const info = await h.service.handlers.municipalDiscover({ origin: `${h.server.url}/some/path` });
    expect(info).toMatchObject({ origin: h.server.url, demo: true });
    expect(info.name).toMatch(/Kommune/);
    expect(info.resources).toContain('activities');
  });

  it('refuses without the host permission, for a bad address, and for a server that is no municipality', async () => {
    h = await connectorHarness();
    h.permission.granted = false;
    await rejectsWith(h.service.handlers.municipalDiscover({ origin: h.server.url }), 'permission-missing');
    await rejectsWith(h.service.handlers.municipalConnect({ profileId: h.profileId, origin: h.server.url }), 'permission-missing');
    h.permission.granted = true;
    await rejectsWith(h.service.handlers.municipalDiscover({ origin: 'http://example.org' }), 'invalid-address');
    await rejectsWith(h.service.handlers.municipalDiscover({ origin: 'ftp://127.0.0.1' }), 'invalid-address');
    // A web server, but no Citizen Data API behind it.
    const plain = createServer((_req, res) => res.writeHead(404).end('not here'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const plainOrigin = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
    await rejectsWith(h.service.handlers.municipalDiscover({ origin: plainOrigin }), 'municipality-not-supported');
    await new Promise((resolve) => plain.close(resolve));
    // Nothing listening at all.
    await rejectsWith(h.service.handlers.municipalDiscover({ origin: plainOrigin }), 'municipality-unreachable');
  });

  it('a closed sign-in window is sign-in-cancelled and stores nothing', async () => {
    h = await connectorHarness();
    h.login.as = null;
    await rejectsWith(h.service.handlers.municipalConnect({ profileId: h.profileId, origin: h.server.url }), 'sign-in-cancelled');
    expect(await h.service.handlers.municipalConnections({ profileId: h.profileId })).toEqual([]);
  });

  it('signing in again as someone else than the connection\u2019s citizen is refused', async () => {
    h = await connectorHarness();
    await h.connect();
    h.login.as = 'mette';
    await rejectsWith(h.service.handlers.municipalConnect({ profileId: h.profileId, origin: h.server.url }), 'municipality-other-citizen');
    const [summary] = await h.service.handlers.municipalConnections({ profileId: h.profileId });
    expect(summary!.citizen!.id).toBe('thomas');
  });

  it('a parent signs in for a child: the child\u2019s data, with the parent as actor', async () => {
    h = await connectorHarness({ login: 'mette>lea' });
    await h.connect();
    const [summary] = await h.service.handlers.municipalConnections({ profileId: h.profileId });
    expect(summary).toMatchObject({ citizen: { id: 'lea' }, actor: { id: 'mette', relation: 'custody' } });
    expect(await storedVersions(h)).toEqual(await h.served('lea', 'mette'));
  });
});

describe('the generic record methods', () => {
  it('never hand out the connection (tokens) and never let a page forge municipal data', async () => {
    h = await connectorHarness();
    await h.connect();
    const sender = { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/vault.html' };
    const vault = h.vault;
    const service = new VaultService({
      vault,
      session: memorySessionStore(),
      settings: h.settings,
      broadcast: () => {},
      municipal: h.service.handlers,
    });
    const call = (method: string, args: unknown) =>
      route({ channel: 'handlerum-vault', method, args }, sender, {
        extensionId: sender.id,
        extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
        handlers: service.handlers,
        vaultState: () => vault.state,
      });
    const cases = await call('listRecords', { profileId: h.profileId, kind: 'municipal-case' });
    expect(cases.ok && (cases.value as { records: unknown[] }).records.length).toBeGreaterThan(0);
    expect(await call('listRecords', { profileId: h.profileId, kind: 'municipal-connection' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const forged = await call('writeRecords', { ops: [{ op: 'delete', profileId: h.profileId, kind: 'municipal-case', id: 'abc' }] });
    expect(forged).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    // The connector's own methods go through the same router.
    const connections = await call('municipalConnections', { profileId: h.profileId });
    expect(connections.ok).toBe(true);
  });

  it('sync statuses (the municipality and its counts) are refused while locked and forgotten on lock', async () => {
    h = await connectorHarness();
    await h.connect();
    const sender = { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/vault.html' };
    const vault = h.vault;
    const service = new VaultService({ vault, session: memorySessionStore(), settings: h.settings, broadcast: () => {}, municipal: h.service.handlers });
    const call = (method: string) =>
      route({ channel: 'handlerum-vault', method, args: {} }, sender, {
        extensionId: sender.id,
        extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
        handlers: service.handlers,
        vaultState: () => vault.state,
      });
    expect(await call('municipalSyncStatus')).toMatchObject({ ok: true, value: [{ origin: h.server.url, state: 'ok' }] });

    await service.lock();
    expect(await call('municipalSyncStatus')).toEqual({ ok: false, error: { code: 'locked', detail: 'municipalSyncStatus' } });
    await h.unlock();
    expect(await call('municipalSyncStatus')).toEqual({ ok: true, value: [] });
  });
});

describe('provenance', () => {
  it('verifies a stored record, and notices a record changed inside the vault', async () => {
    h = await connectorHarness();
    await h.connect();
    const { records } = await h.vault.records.list(h.profileId, KIND_OF_RESOURCE.decisions);
    const decision = records[0]!;
    const ok = await h.service.handlers.municipalVerifyRecord({ profileId: h.profileId, kind: 'municipal-decision', id: decision.id });
    expect(ok).toMatchObject({ valid: true, reason: null, issuer: h.server.url, kid: 'vestera-demo-2026' });

    await h.vault.records.write([
      {
        op: 'put',
        profileId: h.profileId,
        kind: 'municipal-decision',
        id: decision.id,
        data: { ...decision.data, record: { ...decision.data.record, outcome: 'granted', outcomeText: 'Bevilget.' } },
      },
    ]);
    const bad = await h.service.handlers.municipalVerifyRecord({ profileId: h.profileId, kind: 'municipal-decision', id: decision.id });
    expect(bad).toMatchObject({ valid: false, reason: 'not-in-manifest' });
  });

  it('keeps fields the server added that this version does not know, so the digest still holds', async () => {
    h = await connectorHarness();
    const { connectionId } = await h.connect();
    const activity = [...(await h.stored('activities')).values()][0]!.record;
    await h.change('thomas', { op: 'add', resource: 'activities', record: { ...activity, id: 'act-future-field', title: 'Med ekstra felt' } });
    // What is stored is the JSON as received, key for key.
    await h.sync(connectionId);
    const stored = (await h.stored('activities')).get('act-future-field')!;
    const token = await (
      await fetch(`${h.server.url}/__test/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"citizenId":"thomas"}' })
    ).json();
    const page = await (await fetch(`${h.server.url}/citizen/v1/activities?limit=1000`, { headers: { Authorization: `Bearer ${token.access_token}` } })).json();
    const received = page.items.find((i: { id: string }) => i.id === 'act-future-field');
    expect(stored.record).toEqual(received);
    // And the record kind keeps unknown fields rather than stripping them.
    const withExtra = { ...stored, record: { ...stored.record, laterField: { nested: true } } };
    const parsed = KIND_OF_RESOURCE.activities.schema.parse(withExtra);
    expect(parsed.record).toEqual(withExtra.record);
  });
});

describe('disconnecting', () => {
  it('forgets the connection; with deleteData also every record it brought, but never the citizen\u2019s notes', async () => {
    h = await connectorHarness();
    const { connectionId } = await h.connect();
    const [note] = await h.vault.records.write([{ op: 'put', profileId: h.profileId, kind: 'note', data: { title: 'Min note', body: '' } }]);
    expect(h.alarms.size).toBeGreaterThan(0);
    await h.service.handlers.municipalDisconnect({ profileId: h.profileId, connectionId, deleteData: true });
    expect(await h.service.handlers.municipalConnections({ profileId: h.profileId })).toEqual([]);
    for (const kind of [...Object.values(KIND_OF_RESOURCE), municipalSignatureKind]) {
      expect((await h.vault.records.list(h.profileId, kind)).records, kind.name).toEqual([]);
    }
    expect(await h.vault.records.get(h.profileId, noteKind, note!.id)).not.toBeNull();
    expect(h.alarms.size).toBe(0);
  });
});

describe('reminders', () => {
  it('schedules alarms at the lead times before each upcoming appointment, deadline and last day to appeal', async () => {
    h = await connectorHarness();
    await h.connect();
    const activities = await h.vault.records.list(h.profileId, KIND_OF_RESOURCE.activities);
    const upcoming = activities.records.filter((r) => {
      const a = r.data.record;
      const at = Date.parse(a.kind === 'appointment' ? a.startsAt : a.dueAt);
      return (a.status === 'planned' || a.status === 'changed') && at > NOW;
    });
    expect(upcoming.length).toBeGreaterThan(0);
    expect(h.alarms.size).toBeGreaterThan(0);
    for (const [name, when] of h.alarms) {
      expect(name.startsWith(REMINDER_ALARM_PREFIX)).toBe(true);
      // Opaque: only ids and a number, nothing a person could read.
      expect(name).toMatch(/^handlerum-reminder:[A-Za-z0-9_-]+:(activity|decision):[A-Za-z0-9_-]+:\d+$/);
      const target = parseAlarmName(name)!;
      expect(target.profileId).toBe(h.profileId);
      expect([2880, 120]).toContain(target.leadMinutes);
      expect(when).toBeGreaterThan(NOW);
    }
    // Each upcoming appointment or deadline has its reminder two hours before, unless that is past.
    for (const r of upcoming) {
      const a = r.data.record;
      const at = Date.parse(a.kind === 'appointment' ? a.startsAt : a.dueAt);
      const name = `${REMINDER_ALARM_PREFIX}${h.profileId}:activity:${r.id}:120`;
      if (at - 120 * 60_000 > NOW) expect(h.alarms.get(name), a.title).toBe(at - 120 * 60_000);
    }
    expect([...h.alarms.keys()].some((n) => n.includes(':decision:'))).toBe(true);
    const titles = upcoming.map((r) => r.data.record.title);
    for (const name of h.alarms.keys()) for (const title of titles) expect(name).not.toContain(title);
  });

  it('follows the lead times in the settings', async () => {
    h = await connectorHarness();
    await h.connect();
    await updateSettings(h.settings, { reminderLeadMinutes: [30] });
    await h.service.refreshReminders();
    expect(h.alarms.size).toBeGreaterThan(0);
    for (const name of h.alarms.keys()) expect(parseAlarmName(name)!.leadMinutes).toBe(30);
    await updateSettings(h.settings, { reminderLeadMinutes: [] });
    await h.service.refreshReminders();
    expect(h.alarms.size).toBe(0);
  });

  it('notifies with title and time when unlocked, generically when locked, in Danish or English', async () => {
    h = await connectorHarness();
    await h.connect();
    const activityAlarm = [...h.alarms.keys()].find((n) => n.includes(':activity:') && n.endsWith(':120'))!;
    const target = parseAlarmName(activityAlarm)!;
    const activity = (await h.vault.records.get(h.profileId, KIND_OF_RESOURCE.activities, target.recordId))!;

    expect(await h.service.onAlarm(activityAlarm)).toBe(true);
    const unlocked = h.notifications.at(-1)!;
    expect(unlocked.title).toContain(activity.data.record.title);
    expect(unlocked.title).toMatch(/^(Aftale|Frist): /);

    h.uiLanguage.value = 'en-US';
    await h.service.onAlarm(activityAlarm);
    expect(h.notifications.at(-1)!.title).toMatch(/^(Appointment|Deadline): /);

    h.vault.lock();
    await h.service.onAlarm(activityAlarm);
    const locked = h.notifications.at(-1)!;
    expect(locked.message).toBe('You have a deadline coming up — unlock Handlerum to see it.');
    expect(JSON.stringify(locked)).not.toContain(activity.data.record.title);
    h.uiLanguage.value = 'da';
    await h.service.onAlarm(activityAlarm);
    expect(h.notifications.at(-1)!.message).toMatch(/lås Handlerum op/);
    expect(await h.service.onAlarm('handlerum-auto-lock')).toBe(false);
  });
});
