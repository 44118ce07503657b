/**
 * Sharing on a power of attorney's basis, against the reference municipality: Signe, acting for
 * Thomas with a power for his activities and payments, is offered no cases, is refused a case
 * outright, and a bundle she makes says in its consent that she shares on Thomas's behalf, on
 * that power, as the municipality vouched at sign-in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateIdentity, openBundle } from '../../src/bundle/index';
import { SharingService } from '../../src/background/sharing/index';
import { hasCode } from '../../src/messaging/errors';
import { fromBase64Url } from '../../src/shared/base64url';
import { connectorHarness, type ConnectorHarness } from './support/connector-harness';

let h: ConnectorHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a representative shares', () => {
  it('only what the power covers, with a consent that names her, Thomas and the power', async () => {
    h = await connectorHarness({ login: 'fuldmagt:fm-thomas-signe' });
    await h.connect();
    const { profileId } = h;
    const sharing = new SharingService({
      vault: h.vault,
      fetch: (url, init) => fetch(url, init),
      hasHostPermission: async () => true,
      now: () => h!.clock.now,
    });

    const options = await sharing.handlers.shareOptions({ profileId });
    expect(options.basis?.kind).toBe('power-of-attorney');
    expect([...options.basis!.covers].sort()).toEqual(['activities', 'payments']);
    expect(options.cases).toEqual([]);

    const doctor = generateIdentity();
    const recipient = await sharing.handlers.recipientAdd({
      profileId,
      source: 'file',
      text: JSON.stringify({ version: 1, name: 'Læge Holm', ageRecipient: doctor.recipient }),
    });
    const request = { profileId, recipientId: recipient.id, purpose: 'Forberedelse af lægebesøg', expiry: { kind: 'date' as const, date: '2027-01-31' } };
    const outside = await sharing.handlers
      .sharePreview({ ...request, selection: { items: [{ type: 'case', caseId: 'c-anything', parts: ['payments'] }] } })
      .then(
        () => 'none',
        (error: unknown) => (hasCode(error) ? error.code : 'uncoded'),
      );
    expect(outside).toBe('outside-power-of-attorney');

    const [note] = await h.vault.records.write([{ op: 'put', profileId, kind: 'note', data: { title: 'Spørgsmål til lægen', body: 'Husk medicinlisten' } }]);
    const created = await sharing.handlers.shareCreate({ ...request, selection: { items: [{ type: 'note', noteId: note!.id }] } });
    const bytes = fromBase64Url((await sharing.handlers.shareRead({ transferId: created.transferId, index: 0 })).data);
    const opened = await openBundle(bytes, { identity: doctor.identity, now: new Date(h.clock.now + 1000) });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    expect(opened.consent.controller).toEqual({ name: 'Signe Nørgaard Holt', role: 'representative' });
    expect(opened.consent.piiPrincipal).toEqual({ name: 'Thomas' });
    expect(opened.consent.representation).toMatchObject({
      basis: 'power-of-attorney',
      onBehalfOf: 'Thomas',
      representative: 'Signe Nørgaard Holt',
      reference: 'fm-thomas-signe',
      vouchedBy: 'Vesterå Kommune',
    });
    expect(opened.consent.representation!.text.da).toMatch(/^Signe Nørgaard Holt deler på vegne af Thomas med en fuldmagt \(fm-thomas-signe\)/);
  });
});
