/**
 * Sending to a case's inbox, against the reference municipality on 127.0.0.1: a correction
 * request ends `received` with a verified receipt (and the municipality has it), and every
 * failure — a 5xx, a dropped connection, an expired token, a forged or altered receipt, no
 * connection — ends with a clear code and the request's content untouched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { recordIdFor } from '../../src/municipal/connector/ids';
import { municipalCaseKind, municipalPaymentKind } from '../../src/records/municipal/index';
import { correctionRequestKind, type CorrectionRequestData } from '../../src/records/own/index';
import { hasCode } from '../../src/messaging/errors';
import { connectorHarness, type ConnectorHarness } from './support/connector-harness';
import { toBase64Url } from '../../src/shared/base64url';

let h: ConnectorHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const SHA = 'a'.repeat(43);

/** Connects Thomas, picks a payment that belongs to a case, and stores a draft correction of it. */
async function draftOnPayment() {
  h = await connectorHarness();
  await h.connect();
  const payments = await h.vault.records.list(h.profileId, municipalPaymentKind);
  const payment = payments.records.find((p) => p.data.record.caseId)!;
  const origin = payment.data.provenance.origin;
  const caseId = payment.data.record.caseId!;
  const caseVaultId = recordIdFor(h.vault.records, origin, 'cases', caseId);
  const data: CorrectionRequestData = {
    target: {
      kind: municipalPaymentKind.name,
      id: payment.id,
      origin,
      resource: 'payments',
      municipalId: payment.data.record.id,
      field: 'net',
      title: 'Kontanthjælp',
    },
    caseVaultId,
    whatIsWrong: 'Udbetalingen er 500 kr. for lav.',
    why: 'Tillægget mangler.',
    proposedValue: '12.345,00 kr.',
    evidence: [{ kind: 'attachment', id: 'Qm9yZ2VyTmVkZXJ2ZWoxMg', title: 'lægeattest.pdf', sha256: SHA }],
    status: { state: 'draft' },
  };
  const [written] = await h.vault.records.write([{ op: 'put', profileId: h.profileId, kind: correctionRequestKind.name, data }]);
  return { h, caseId, caseVaultId, requestId: written!.id, data, paymentId: payment.data.record.id };
}

const send = (h: ConnectorHarness, caseVaultId: string, requestId: string) =>
  h.service.handlers.municipalInboxSend({ profileId: h.profileId, caseVaultId, payload: { type: 'correction', requestId } });

const stored = async (h: ConnectorHarness, id: string) => (await h.vault.records.get(h.profileId, correctionRequestKind, id))!.data;

/** What the municipality's inbox for the case holds, asked directly with a test token. */
async function inboxAtMunicipality(h: ConnectorHarness, caseId: string) {
  const res = await fetch(`${h.server.url}/__test/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ citizenId: 'thomas' }),
  });
  const { access_token } = (await res.json()) as { access_token: string };
  const list = await fetch(`${h.server.url}/citizen/v1/cases/${caseId}/inbox`, { headers: { Authorization: `Bearer ${access_token}` } });
  return ((await list.json()) as { items: { id: string; kind: string; sha256: string }[] }).items;
}

async function expectFailed(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(hasCode(error), String(error)).toBe(true);
  expect((error as { code: string }).code).toBe(code);
}

/** The citizen's text and evidence are exactly as drafted: a failure loses nothing. */
function expectContentKept(now: CorrectionRequestData, draft: CorrectionRequestData) {
  const { status: _now, ...rest } = now;
  const { status: _draft, ...drafted } = draft;
  expect(rest).toEqual(drafted);
}

describe('municipalInboxSend, a correction request', () => {
  it('is received: the receipt is verified, stored with its signature, and the municipality has the request', async () => {
    const { h, caseId, caseVaultId, requestId, data } = await draftOnPayment();
    const { receipt } = await send(h, caseVaultId, requestId);
    expect(receipt).toMatchObject({ type: 'inbox-receipt', caseId, kind: 'correction', status: 'received' });
    const now = await stored(h, requestId);
    expect(now.status.state).toBe('received');
    if (now.status.state !== 'received') return;
    expect(now.status.receipt).toEqual(receipt);
    expect(now.status.signature.split('.')).toHaveLength(3);
    expectContentKept(now, data);
    const inbox = await inboxAtMunicipality(h, caseId);
    expect(inbox.map((r) => r.id)).toEqual([receipt.id]);
    expect(inbox[0]!.sha256).toBe(receipt.sha256);
    // A received request is not sent twice.
    await expectFailed(send(h, caseVaultId, requestId), 'bad-request');
    expect(await inboxAtMunicipality(h, caseId)).toHaveLength(1);
  });

  it('sends the API CorrectionRequest: target, message with the reason, proposed value, evidence as titles and digests', async () => {
    const { h, caseVaultId, requestId, paymentId } = await draftOnPayment();
    const sentBodies: unknown[] = [];
    const original = globalThis.fetch;
    // Watches the request body on its way out (the server only keeps the receipt).
    globalThis.fetch = (async (url: string | URL | Request, init?: RequestInit) => {
      if (String(url).endsWith('/inbox') && init?.method === 'POST') sentBodies.push(JSON.parse(new TextDecoder().decode(init.body as Uint8Array)));
      return original(url, init);
    }) as typeof fetch;
    try {
      await send(h, caseVaultId, requestId);
    } finally {
      globalThis.fetch = original;
    }
    expect(sentBodies).toEqual([
      {
        kind: 'correction',
        target: { resource: 'payments', id: paymentId, field: 'net' },
        message: 'Udbetalingen er 500 kr. for lav.\n\nBegrundelse: Tillægget mangler.',
        proposedValue: '12.345,00 kr.',
        evidence: [{ title: 'lægeattest.pdf', sha256: SHA }],
      },
    ]);
  });

  it('a 500 once is retried and received; a 500 that persists ends failed, content kept, and a later send succeeds', async () => {
    const { h, caseId, caseVaultId, requestId, data } = await draftOnPayment();
    const path = `/citizen/v1/cases/${caseId}/inbox`;
    await h.arm({ kind: 'server-error', path, times: 1 });
    await send(h, caseVaultId, requestId);
    expect((await stored(h, requestId)).status.state).toBe('received');

    const second = await h.vault.records.write([{ op: 'put', profileId: h.profileId, kind: correctionRequestKind.name, data }]);
    const id = second[0]!.id;
    // The first attempt and both retries fail.
    await h.arm({ kind: 'server-error', path, times: 3 });
    await expectFailed(send(h, caseVaultId, id), 'municipality-error');
    const failed = await stored(h, id);
    expect(failed.status).toMatchObject({ state: 'failed', reason: 'municipality-error' });
    expectContentKept(failed, data);
    await send(h, caseVaultId, id);
    expect((await stored(h, id)).status.state).toBe('received');
    expect(await inboxAtMunicipality(h, caseId)).toHaveLength(2);
  });

  it('a dropped connection ends failed (municipality-unreachable) with the content kept; sending again succeeds', async () => {
    const { h, caseId, caseVaultId, requestId, data } = await draftOnPayment();
    await h.arm({ kind: 'drop-connection', path: `/citizen/v1/cases/${caseId}/inbox` });
    await expectFailed(send(h, caseVaultId, requestId), 'municipality-unreachable');
    const failed = await stored(h, requestId);
    expect(failed.status).toMatchObject({ state: 'failed', reason: 'municipality-unreachable' });
    expectContentKept(failed, data);
    expect(await inboxAtMunicipality(h, caseId)).toHaveLength(0);
    await send(h, caseVaultId, requestId);
    expect((await stored(h, requestId)).status.state).toBe('received');
  });

  it('a 401 refreshes the token once and the request is received', async () => {
    const { h, caseId, caseVaultId, requestId } = await draftOnPayment();
    await h.arm({ kind: 'unauthorized', path: `/citizen/v1/cases/${caseId}/inbox` });
    await send(h, caseVaultId, requestId);
    expect((await stored(h, requestId)).status.state).toBe('received');
    expect(await inboxAtMunicipality(h, caseId)).toHaveLength(1);
  });

  it('a 401 that persists after the refresh ends failed with sign-in-required', async () => {
    const { h, caseId, caseVaultId, requestId, data } = await draftOnPayment();
    await h.arm({ kind: 'unauthorized', path: `/citizen/v1/cases/${caseId}/inbox`, times: 2 });
    await expectFailed(send(h, caseVaultId, requestId), 'sign-in-required');
    const failed = await stored(h, requestId);
    expect(failed.status).toMatchObject({ state: 'failed', reason: 'sign-in-required' });
    expectContentKept(failed, data);
  });

  it('a receipt whose signature does not verify is refused: failed with signature-invalid, nothing stored as received', async () => {
    const { h, caseId, caseVaultId, requestId, data } = await draftOnPayment();
    await h.arm({ kind: 'bad-signature', path: `/citizen/v1/cases/${caseId}/inbox` });
    await expectFailed(send(h, caseVaultId, requestId), 'signature-invalid');
    const failed = await stored(h, requestId);
    expect(failed.status).toMatchObject({ state: 'failed', reason: 'signature-invalid' });
    expectContentKept(failed, data);
  });

  it('a receipt changed after signing is refused', async () => {
    const { h, caseId, caseVaultId, requestId } = await draftOnPayment();
    await h.arm({ kind: 'tampered-record', path: `/citizen/v1/cases/${caseId}/inbox` });
    await expectFailed(send(h, caseVaultId, requestId), 'signature-invalid');
    expect((await stored(h, requestId)).status.state).toBe('failed');
  });

  it('a receipt signed by a key the municipality does not publish is refused', async () => {
    const { h, caseVaultId, requestId } = await draftOnPayment();
    const { signManifest } = await import('../../src/municipal/api/signature');
    const original = globalThis.fetch;
    // A man in the middle answers with a well-formed receipt signed by its own key under the real kid.
    globalThis.fetch = (async (url: string | URL | Request, init?: RequestInit) => {
      const res = await original(url, init);
      if (!(String(url).endsWith('/inbox') && init?.method === 'POST')) return res;
      const body = (await res.json()) as { receipt: Record<string, unknown>; signature: string };
      const header = JSON.parse(
        new TextDecoder().decode(Uint8Array.from(atob(body.signature.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))),
      ) as { kid: string };
      const payload = JSON.parse(
        new TextDecoder().decode(Uint8Array.from(atob(body.signature.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))),
      );
      const forged = signManifest(payload, { kid: header.kid, secretKey: new Uint8Array(32).fill(7) });
      return new Response(JSON.stringify({ ...body, signature: forged }), { status: 201, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    try {
      await expectFailed(send(h, caseVaultId, requestId), 'signature-invalid');
    } finally {
      globalThis.fetch = original;
    }
    expect((await stored(h, requestId)).status).toMatchObject({ state: 'failed', reason: 'signature-invalid' });
  });

  it('without a connection the request stays a draft and the error asks for a sign-in', async () => {
    const { h, caseVaultId, requestId, data } = await draftOnPayment();
    const [conn] = await h.service.handlers.municipalConnections({ profileId: h.profileId });
    await h.service.handlers.municipalDisconnect({ profileId: h.profileId, connectionId: conn!.id, deleteData: false });
    await expectFailed(send(h, caseVaultId, requestId), 'sign-in-required');
    expect(await stored(h, requestId)).toEqual(data);
  });

  it('refuses a request for a record of another case, and an unknown request', async () => {
    const { h, caseVaultId, requestId } = await draftOnPayment();
    const cases = await h.vault.records.list(h.profileId, municipalCaseKind);
    const other = cases.records.find((c) => c.id !== caseVaultId)!;
    await expectFailed(send(h, other.id, requestId), 'bad-request');
    await expectFailed(send(h, caseVaultId, 'nosuchrequest'), 'record-not-found');
    expect((await stored(h, requestId)).status.state).toBe('draft');
  });
});

describe('municipalInboxSend, a bundle', () => {
  it('sends the bytes and returns the verified receipt of exactly those bytes', async () => {
    const { h, caseId, caseVaultId } = await draftOnPayment();
    const bytes = new TextEncoder().encode('age-encryption.org/v1 … a bundle stands in here');
    const { receipt } = await h.service.handlers.municipalInboxSend({
      profileId: h.profileId,
      caseVaultId,
      payload: { type: 'bundle', data: toBase64Url(bytes) },
    });
    expect(receipt).toMatchObject({ kind: 'bundle', caseId, bytes: bytes.length });
    const { sha256 } = await import('@noble/hashes/sha2.js');
    expect(receipt.sha256).toBe(toBase64Url(sha256(bytes)));
    expect((await inboxAtMunicipality(h, caseId)).map((r) => r.kind)).toEqual(['bundle']);
  });
});
