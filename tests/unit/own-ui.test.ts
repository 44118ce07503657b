/** The page-side helpers of own files and corrections that need no browser: file checks, request data, export, messages. */
import { describe, expect, it, vi } from 'vitest';

// The helpers live next to calls to the background; these tests never make one.
vi.mock('../../src/messaging/client', () => ({ callVault: () => Promise.reject(new Error('no background in unit tests')), onVaultEvent: () => () => {} }));

const { checkFileSize, FileProblem, mediaTypeOf, sha256Base64Url, sizeText } = await import('../../src/ui/own/attachments');
const { exportRequest, requestData, targetOf } = await import('../../src/ui/own/corrections');
const { fileErrorMessage, sendErrorMessage, statusText } = await import('../../src/ui/own/messages');
const { correctionRequestKind } = await import('../../src/records/own/index');
const { CorrectionRequest } = await import('../../src/municipal/api/schemas');
const { da } = await import('../../src/ui/i18n/da');

const payment = { vaultId: 'cGF5bWVudA', origin: 'http://127.0.0.1:8787', record: { id: 'thomas-ydelse-0001', caseId: 'thomas-sag-0001' } };

describe('file checks', () => {
  it('refuses empty files and files over 25 MiB, before reading them', () => {
    expect(() => checkFileSize(0)).toThrow(FileProblem);
    expect(() => checkFileSize(25 * 1024 * 1024 + 1)).toThrow(expect.objectContaining({ code: 'too-large' }));
    expect(() => checkFileSize(25 * 1024 * 1024)).not.toThrow();
  });

  it('keeps a well-formed media type and replaces anything else', () => {
    expect(mediaTypeOf('application/PDF')).toBe('application/pdf');
    expect(mediaTypeOf('text/plain; charset=utf-8')).toBe('text/plain');
    expect(mediaTypeOf('')).toBe('application/octet-stream');
    expect(mediaTypeOf('not a type')).toBe('application/octet-stream');
  });

  it('names sizes in 1024s, as the limit is counted', () => {
    expect(sizeText(900, 'da-DK')).toBe('900 B');
    expect(sizeText(2048, 'da-DK')).toBe('2 kB');
    expect(sizeText(25 * 1024 * 1024, 'da-DK')).toBe('25 MB');
    expect(sizeText(2.5 * 1024 * 1024, 'da-DK')).toBe('2,5 MB');
  });

  it('hashes as the receipts and the API do (base64url SHA-256)', async () => {
    expect(await sha256Base64Url(new TextEncoder().encode('abc'))).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });

  it('says which limit a too large file broke', () => {
    expect(fileErrorMessage(new FileProblem('too-large'), 30 * 1024 * 1024)).toBe(
      'Filen er for stor (30 MB). Du kan vedhæfte filer på højst 25 MB. Gør filen mindre, eller del den op.',
    );
  });
});

describe('correction request data', () => {
  const target = targetOf('payments', payment, 'Kontanthjælp, 1. november 2026');
  const draft = { whatIsWrong: ' Beløbet er for lavt ', why: '', field: ' beløb ', proposedValue: '', evidence: [] };

  it('a target carries the record, its municipality and its case', () => {
    expect(target).toEqual({
      kind: 'municipal-payment',
      id: 'cGF5bWVudA',
      origin: payment.origin,
      resource: 'payments',
      municipalId: 'thomas-ydelse-0001',
      title: 'Kontanthjælp, 1. november 2026',
      caseId: 'thomas-sag-0001',
    });
    expect(targetOf('cases', { vaultId: 'c2Fn', origin: payment.origin, record: { id: 'thomas-sag-0001' } }, 'Kontanthjælp').caseId).toBe('thomas-sag-0001');
  });

  it('builds a record the kind accepts, trimmed, a new request as a draft', () => {
    const data = requestData(target, 'c2Fn', draft);
    expect(correctionRequestKind.schema.safeParse(data).success).toBe(true);
    expect(data).toMatchObject({ whatIsWrong: 'Beløbet er for lavt', target: { field: 'beløb' }, status: { state: 'draft' }, caseVaultId: 'c2Fn' });
    expect('proposedValue' in data).toBe(false);
  });

  it('editing a failed request makes it a draft again; an unconfirmed send keeps its state', () => {
    const failed = {
      ...requestData(target, 'c2Fn', draft),
      status: { state: 'failed' as const, failedAt: '2026-12-02T08:00:00Z', reason: 'municipality-unreachable' },
    };
    expect(requestData(target, 'c2Fn', draft, failed).status).toEqual({ state: 'draft' });
    const sent = { ...failed, status: { state: 'sent' as const, sentAt: '2026-12-02T08:00:00Z' } };
    expect(requestData(target, 'c2Fn', draft, sent).status).toEqual(sent.status);
  });

  it('exports the API request, the case and the evidence list as JSON', () => {
    const data = requestData(target, 'c2Fn', { ...draft, evidence: [{ kind: 'attachment', id: 'YXR0', title: 'attest.pdf', sha256: 'a'.repeat(43) }] });
    const record = {
      id: 'cmVx',
      kind: 'correction-request',
      profileId: 'cA',
      v: 1,
      createdAt: '2026-12-02T07:00:00.000Z',
      updatedAt: '2026-12-02T07:00:00.000Z',
      data,
    };
    const { fileName, text } = exportRequest(record);
    expect(fileName).toBe('rettelse-2026-12-02.json');
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({
      format: 'handlerum-correction-request',
      version: 1,
      municipality: payment.origin,
      caseId: 'thomas-sag-0001',
      status: 'draft',
    });
    expect(CorrectionRequest.safeParse(parsed.request).success).toBe(true);
    expect(parsed.evidence).toEqual([{ title: 'attest.pdf', sha256: 'a'.repeat(43) }]);
  });
});

describe('messages', () => {
  it('every send failure the background stores has a message, and unknown ones a general one', () => {
    for (const reason of [
      'municipality-unreachable',
      'municipality-error',
      'municipality-bad-response',
      'signature-invalid',
      'sign-in-required',
      'permission-missing',
      'bad-request',
      'storage-failed',
    ]) {
      expect(sendErrorMessage(reason)).toBe(da[`own.sendError.${reason}` as keyof typeof da]);
    }
    expect(sendErrorMessage('something-new')).toBe(da['own.sendError.other']);
  });

  it('a received status names its receipt', () => {
    const receipt = {
      type: 'inbox-receipt',
      id: 'kvit-thomas-0001',
      version: 1,
      caseId: 's',
      kind: 'correction',
      receivedAt: '2026-12-02T09:00:00+01:00',
      bytes: 1,
      sha256: 'a'.repeat(43),
      status: 'received',
    } as const;
    expect(statusText({ state: 'received', sentAt: '2026-12-02T08:00:00Z', receipt, signature: 'x' })).toMatch(/kvittering kvit-thomas-0001/);
    expect(statusText({ state: 'draft' })).toBe(da['own.status.draft']);
  });
});
