/** The own-data kinds: files split into parts and joined back, their limits, and correction requests as the API's. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorrectionRequest } from '../../src/municipal/api/schemas';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_MAX_BYTES,
  attachmentContentId,
  attachmentContentKind,
  attachmentKind,
  canSend,
  correctionRequestKind,
  isEditable,
  joinContent,
  splitContent,
  toApiCorrection,
  type CorrectionRequestData,
} from '../../src/records/own/index';
import { runs } from './support/setup-vault';
import { fromBase64Url } from '../../src/shared/base64url';

const ID = 'Qm9yZ2VyTmVkZXJ2ZWoxMg';

describe('base64url of file contents', () => {
  it('a part holds the base64url of its bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (bytes) => {
        const [part] = splitContent(ID, bytes);
        expect(part!.data.data).toBe(Buffer.from(bytes).toString('base64url'));
        expect(Buffer.compare(fromBase64Url(part!.data.data), bytes)).toBe(0);
      }),
      runs(200, 5000),
    );
  });

  it('refuses parts with impossible lengths, padding, foreign characters and non-zero trailing bits', () => {
    for (const bad of ['A', 'AAAAA', 'AA==', 'AA=', 'A+/A', 'AAæA', 'AB', 'AAB']) {
      expect(() => joinContent({ id: ID, data: { size: 1, chunks: 1 } }, [{ attachmentId: ID, index: 0, data: bad }]), bad).toThrow(RangeError);
    }
  });
});

describe('attachment content', () => {
  it('split then join gives back the same bytes, and every part is a valid record', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 3000 }), fc.integer({ min: 0, max: 2 }), (head, extraChunks) => {
        // Sizes around the part boundary matter most: pad some inputs past one or two MiB.
        const bytes = new Uint8Array(head.length + extraChunks * ATTACHMENT_CHUNK_BYTES);
        bytes.set(head);
        const parts = splitContent(ID, bytes);
        expect(parts).toHaveLength(Math.ceil(bytes.length / ATTACHMENT_CHUNK_BYTES));
        for (const part of parts) expect(attachmentContentKind.schema.safeParse(part.data).success).toBe(true);
        const back = joinContent(
          { id: ID, data: { size: bytes.length, chunks: parts.length } },
          parts.map((p) => p.data),
        );
        expect(Buffer.compare(back, bytes)).toBe(0);
      }),
      runs(8, 40),
    );
  });

  it('a file of exactly one part, and one byte more', () => {
    expect(splitContent(ID, new Uint8Array(ATTACHMENT_CHUNK_BYTES))).toHaveLength(1);
    expect(splitContent(ID, new Uint8Array(ATTACHMENT_CHUNK_BYTES + 1))).toHaveLength(2);
  });

  it('refuses an empty file and one larger than the limit', () => {
    expect(() => splitContent(ID, new Uint8Array(0))).toThrow(/empty/);
    expect(() => splitContent(ID, new Uint8Array(ATTACHMENT_MAX_BYTES + 1))).toThrow(RangeError);
    expect(splitContent(ID, new Uint8Array(ATTACHMENT_MAX_BYTES))).toHaveLength(25);
  });

  it('join refuses missing, foreign, reordered and wrong-sized parts', () => {
    const bytes = new Uint8Array(ATTACHMENT_CHUNK_BYTES + 10).map((_, i) => i % 251);
    const parts = splitContent(ID, bytes).map((p) => p.data);
    const meta = { id: ID, data: { size: bytes.length, chunks: 2 } };
    expect(() => joinContent(meta, parts.slice(0, 1))).toThrow(/expected 2/);
    expect(() => joinContent(meta, [parts[1]!, parts[0]!])).toThrow(/not part 0/);
    expect(() => joinContent({ ...meta, id: 'other' }, parts)).toThrow(/not part 0/);
    expect(() => joinContent({ id: ID, data: { size: bytes.length + 1, chunks: 2 } }, parts)).toThrow(/shorter/);
    expect(() => joinContent({ id: ID, data: { size: bytes.length - 1, chunks: 2 } }, parts)).toThrow(/longer/);
  });

  it('content ids are distinct across attachments and parts, and fit the record id limit', () => {
    const ids = new Set<string>();
    for (const a of ['a', 'a-1', 'a-10', 'x'.repeat(120)]) for (let i = 0; i < 25; i++) ids.add(attachmentContentId(a, i));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
    expect(() => attachmentContentId('x'.repeat(121), 0)).toThrow(RangeError);
    expect(() => attachmentContentId(ID, 25)).toThrow(RangeError);
    expect(() => attachmentContentId(ID, -1)).toThrow(RangeError);
  });
});

describe('attachment record', () => {
  const good = {
    fileName: 'attest.pdf',
    mediaType: 'application/pdf',
    size: 10,
    sha256: 'a'.repeat(43),
    chunks: 1,
    attachedTo: { kind: 'municipal-case', id: ID },
  };
  it('accepts a described file and refuses bad sizes, names, types, digests and part counts', () => {
    expect(attachmentKind.schema.safeParse(good).success).toBe(true);
    for (const bad of [
      { size: 0 },
      { size: ATTACHMENT_MAX_BYTES + 1, chunks: 26 },
      { fileName: '  ' },
      { fileName: 'x'.repeat(256) },
      { mediaType: 'pdf' },
      { sha256: 'short' },
      { chunks: 2 },
      { attachedTo: { kind: 'municipal-case', id: 'bad id' } },
    ]) {
      expect(attachmentKind.schema.safeParse({ ...good, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('correction request', () => {
  const base: CorrectionRequestData = {
    target: {
      kind: 'municipal-payment',
      id: ID,
      origin: 'http://127.0.0.1:8787',
      resource: 'payments',
      municipalId: 'thomas-ydelse-0001',
      title: 'Kontanthjælp',
    },
    whatIsWrong: '  Beløbet er forkert. ',
    why: '',
    evidence: [],
    status: { state: 'draft' },
  };

  it('becomes the API CorrectionRequest: no empty reason, value or evidence sent', () => {
    const api = toApiCorrection(base);
    expect(api).toEqual({ kind: 'correction', target: { resource: 'payments', id: 'thomas-ydelse-0001' }, message: 'Beløbet er forkert.' });
    expect(CorrectionRequest.safeParse(api).success).toBe(true);
  });

  it('carries field, reason, proposed value and evidence (a digest only where there is one)', () => {
    const api = toApiCorrection({
      ...base,
      target: { ...base.target, field: 'net' },
      why: 'Tillæg mangler',
      proposedValue: '100 kr.',
      evidence: [
        { kind: 'attachment', id: ID, title: 'kontoudtog.pdf', sha256: 'b'.repeat(43) },
        { kind: 'bank-transaction', id: ID, title: 'Løn 1. november' },
      ],
    });
    expect(api).toEqual({
      kind: 'correction',
      target: { resource: 'payments', id: 'thomas-ydelse-0001', field: 'net' },
      message: 'Beløbet er forkert.\n\nBegrundelse: Tillæg mangler',
      proposedValue: '100 kr.',
      evidence: [{ title: 'kontoudtog.pdf', sha256: 'b'.repeat(43) }, { title: 'Løn 1. november' }],
    });
  });

  it('the schema refuses an empty description, an unknown resource, a bad origin and a receipt without its fields', () => {
    expect(correctionRequestKind.schema.safeParse(base).success).toBe(true);
    expect(correctionRequestKind.schema.safeParse({ ...base, whatIsWrong: '   ' }).success).toBe(false);
    expect(correctionRequestKind.schema.safeParse({ ...base, target: { ...base.target, resource: 'pets' } }).success).toBe(false);
    expect(correctionRequestKind.schema.safeParse({ ...base, target: { ...base.target, origin: 'http://x/path' } }).success).toBe(false);
    expect(
      correctionRequestKind.schema.safeParse({ ...base, status: { state: 'received', sentAt: '2026-12-02T08:00:00+01:00', signature: 'x' } }).success,
    ).toBe(false);
    expect(
      correctionRequestKind.schema.safeParse({
        ...base,
        status: { state: 'failed', failedAt: '2026-12-02T08:00:00+01:00', reason: 'municipality-unreachable' },
      }).success,
    ).toBe(true);
  });

  it('a received request is neither edited nor sent again; a sent one without receipt may be sent again', () => {
    expect(isEditable({ state: 'draft' })).toBe(true);
    expect(canSend({ state: 'sent', sentAt: '2026-12-02T08:00:00+01:00' })).toBe(true);
    expect(isEditable({ state: 'sent', sentAt: '2026-12-02T08:00:00+01:00' })).toBe(false);
    expect(canSend({ state: 'failed', failedAt: '2026-12-02T08:00:00+01:00', reason: 'x' })).toBe(true);
  });
});
