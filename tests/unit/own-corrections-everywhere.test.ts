/**
 * "This is wrong or incomplete" on every kind of municipal record, appointments and deadlines
 * included: the target a calendar entry gives (the activity behind it, or the decision behind a
 * last day to appeal), and, against the reference municipality, a request on each kind of
 * record — built the way the views build it — saved as a draft, sent, and received with a
 * verified receipt of exactly the bytes in the municipality's inbox.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CorrectionRequest, RESOURCES, type ResourceName } from '../../src/municipal/api/schemas';
import { recordIdFor } from '../../src/municipal/connector/ids';
import { calendarEntries } from '../../src/overview/calendar';
import type { Item, OverviewData } from '../../src/overview/model';
import { KIND_OF_RESOURCE } from '../../src/records/municipal/index';
import { correctionRequestKind, toApiCorrection } from '../../src/records/own/index';
import { connectorHarness, type ConnectorHarness } from './support/connector-harness';
import { fixtureData, ORIGIN } from './support/overview-fixtures';
import { toBase64Url } from '../../src/shared/base64url';

// The helpers live next to calls to the background; these tests never make one.
vi.mock('../../src/messaging/client', () => ({ callVault: () => Promise.reject(new Error('no background in unit tests')), onVaultEvent: () => () => {} }));
const { entryTarget, requestData, targetOf, KIND_OF } = await import('../../src/ui/own/corrections');

const DRAFT = {
  whatIsWrong: 'Tidspunktet er forkert: jeg aftalte kl. 13.',
  why: 'Sagsbehandleren flyttede mødet i telefonen.',
  field: 'tidspunkt',
  proposedValue: '10. marts 2026 kl. 13.00',
  evidence: [],
};

describe('the correction target of a calendar entry', () => {
  const entries = calendarEntries(fixtureData());

  it('an appointment is the activity behind it, with its case', () => {
    const meeting = entries.find((e) => e.id === 'activity:v-act-1')!;
    expect(entryTarget(meeting, 'Samtale i jobcentret, 10. marts 2026 kl. 10.00')).toEqual({
      kind: 'municipal-activity',
      id: 'v-act-1',
      origin: ORIGIN,
      resource: 'activities',
      municipalId: 'act-1',
      title: 'Samtale i jobcentret, 10. marts 2026 kl. 10.00',
      caseId: 'case-cash',
    });
  });

  it('a deadline without a case has no case (the request is kept and downloaded, not sent)', () => {
    const photo = entries.find((e) => e.id === 'activity:v-act-2')!;
    const target = entryTarget(photo, 'Aflevér pasfoto');
    expect(target).toMatchObject({ kind: 'municipal-activity', resource: 'activities', municipalId: 'act-2' });
    expect('caseId' in target).toBe(false);
  });

  it('a last day to appeal is the decision it comes from', () => {
    const appeal = entries.find((e) => e.kind === 'appeal')!;
    expect(entryTarget(appeal, appeal.title)).toEqual({
      kind: 'municipal-decision',
      id: 'v-dec-1',
      origin: ORIGIN,
      resource: 'decisions',
      municipalId: 'dec-1',
      title: 'Afgørelse om kontanthjælp',
      caseId: 'case-cash',
    });
  });

  it('a request on an appointment is a record the kind accepts, and the API request the municipality reads', () => {
    const meeting = entries.find((e) => e.id === 'activity:v-act-1')!;
    const data = requestData(entryTarget(meeting, 'Samtale i jobcentret'), 'v-case-cash', DRAFT);
    expect(correctionRequestKind.schema.safeParse(data).success).toBe(true);
    expect(data.status).toEqual({ state: 'draft' });
    const api = CorrectionRequest.parse(toApiCorrection(data));
    expect(api.target).toEqual({ resource: 'activities', id: 'act-1', field: 'tidspunkt' });
  });

  it('a view may suggest the detail (a case’s contact person); the request keeps the citizen’s choice', () => {
    const theCase = fixtureData().cases[0]!;
    const target = { ...targetOf('cases', theCase, 'Kontaktoplysningerne i sagen Kontanthjælp'), field: 'Kontaktperson' };
    expect(requestData(target, theCase.vaultId, { ...DRAFT, field: 'Kontaktperson' }).target.field).toBe('Kontaktperson');
    expect('field' in requestData(target, theCase.vaultId, { ...DRAFT, field: '' }).target).toBe(false);
  });
});

let h: ConnectorHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The synced records as the overview reads them (use-overview-data.ts). */
async function overviewOf(harness: ConnectorHarness): Promise<OverviewData> {
  const list = async <T>(resource: ResourceName): Promise<Item<T>[]> =>
    (await harness.vault.records.list(harness.profileId, KIND_OF_RESOURCE[resource])).records.map((r) => ({
      vaultId: r.id,
      origin: r.data.provenance.origin,
      record: r.data.record as T,
    }));
  return {
    cases: await list('cases'),
    decisions: await list('decisions'),
    payments: await list('payments'),
    activities: await list('activities'),
    documents: await list('documents'),
    accessLog: await list('access-log'),
  };
}

/** What the municipality's inbox holds for the citizen, asked directly with a test token. */
async function municipalInbox(harness: ConnectorHarness) {
  const res = await fetch(`${harness.server.url}/__test/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ citizenId: 'thomas' }),
  });
  const { access_token } = (await res.json()) as { access_token: string };
  const list = await fetch(`${harness.server.url}/citizen/v1/inbox`, { headers: { Authorization: `Bearer ${access_token}` } });
  return ((await list.json()) as { items: { id: string; kind: string; caseId: string; sha256: string; bytes: number }[] }).items;
}

describe('a correction on any municipal record reaches the municipality', () => {
  it('an appointment: saved as a draft, sent, received with a receipt of exactly what was sent', async () => {
    h = await connectorHarness();
    await h.connect();
    const data = await overviewOf(h);
    const appointment = calendarEntries(data).find((e) => e.kind === 'appointment' && e.caseId !== null)!;
    expect(appointment, 'Thomas has an appointment on a case').toBeDefined();
    const origin = appointment.origin;
    const caseVaultId = recordIdFor(h.vault.records, origin, 'cases', appointment.caseId!);
    const target = entryTarget(appointment, appointment.title);
    expect(target).toMatchObject({ kind: KIND_OF.activities, resource: 'activities', id: appointment.vaultId });

    const [draft] = await h.vault.records.write([
      { op: 'put', profileId: h.profileId, kind: correctionRequestKind.name, data: requestData(target, caseVaultId, DRAFT) },
    ]);
    const saved = (await h.vault.records.get(h.profileId, correctionRequestKind, draft!.id))!.data;
    expect(saved.status).toEqual({ state: 'draft' });
    expect(saved.target).toMatchObject({ resource: 'activities', municipalId: appointment.recordId, caseId: appointment.caseId });

    const { receipt } = await h.service.handlers.municipalInboxSend({
      profileId: h.profileId,
      caseVaultId,
      payload: { type: 'correction', requestId: draft!.id },
    });
    const now = (await h.vault.records.get(h.profileId, correctionRequestKind, draft!.id))!.data;
    expect(now.status).toMatchObject({ state: 'received', receipt });
    const body = new TextEncoder().encode(JSON.stringify(toApiCorrection(saved)));
    const inbox = await municipalInbox(h);
    expect(inbox).toEqual([receipt]);
    expect(inbox[0]).toMatchObject({ kind: 'correction', caseId: appointment.caseId, bytes: body.length, sha256: toBase64Url(sha256(body)) });
  });

  it('every kind of record the municipality serves takes a correction, each received in its case’s inbox', async () => {
    h = await connectorHarness();
    await h.connect();
    const data = await overviewOf(h);
    const entries = calendarEntries(data);
    // One record of each kind that belongs to a case, as its view makes the target.
    const targets = RESOURCES.map((resource) => {
      if (resource === 'activities') {
        const deadline = entries.find((e) => e.kind === 'deadline' && e.caseId !== null && e.recordKind === 'municipal-activity')!;
        return entryTarget(deadline, deadline.title);
      }
      const items = { cases: data.cases, decisions: data.decisions, payments: data.payments, documents: data.documents, 'access-log': data.accessLog }[
        resource
      ];
      const item = (items as Item<{ id: string; caseId?: string }>[]).find((i) => resource === 'cases' || i.record.caseId)!;
      return targetOf(resource, item, `${resource} ${item.record.id}`);
    });
    expect(targets.map((t) => t.resource)).toEqual([...RESOURCES]);
    for (const target of targets) {
      const caseVaultId = recordIdFor(h.vault.records, target.origin, 'cases', target.caseId!);
      const [draft] = await h.vault.records.write([
        { op: 'put', profileId: h.profileId, kind: correctionRequestKind.name, data: requestData(target, caseVaultId, DRAFT) },
      ]);
      const { receipt } = await h.service.handlers.municipalInboxSend({
        profileId: h.profileId,
        caseVaultId,
        payload: { type: 'correction', requestId: draft!.id },
      });
      expect(receipt, target.resource).toMatchObject({ kind: 'correction', caseId: target.caseId, status: 'received' });
    }
    const inbox = await municipalInbox(h);
    expect(inbox.map((r) => r.caseId)).toEqual(targets.map((t) => t.caseId));
  });
});
