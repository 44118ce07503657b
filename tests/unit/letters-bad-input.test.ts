/**
 * Files that are not letters, or not readable ones: each gets its own coded error, before pdf.js
 * reads more than it must, and nothing is fetched while reading.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { LETTER_LIMITS, LetterError, type LetterErrorCode } from '../../src/letters/errors';
import { extractPdfText } from '../../src/letters/pdf/extract';
import { renderLetter } from '../../scripts/letters/render';

async function codeOf(work: Promise<unknown>): Promise<LetterErrorCode | 'no error'> {
  try {
    await work;
    return 'no error';
  } catch (error) {
    if (error instanceof LetterError) return error.code;
    throw error;
  }
}

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

/**
 * A one-page PDF protected with the user password "hemmelig" (standard security handler,
 * revision 2, PDF 1.7 § 7.6.3). The page has no content, so no string or stream needs encrypting.
 */
function passwordProtectedPdf(): Uint8Array {
  const padding = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
  const pad = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), padding]).subarray(0, 32);
  const md5 = (...parts: Uint8Array[]) => createHash('md5').update(Buffer.concat(parts)).digest();
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  const owner = rc4(md5(pad('ejer')).subarray(0, 5), pad('hemmelig'));
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-4);
  const key = md5(pad('hemmelig'), owner, permissions, id).subarray(0, 5);
  const user = rc4(key, padding);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(owner)}> /U <${hex(user)}> /P -4 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(id)}> <${hex(id)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(body);
}

async function letterPdf(): Promise<Uint8Array> {
  return renderLetter({
    sender: { name: 'Aarhus Kommune', address: ['Rådhuspladsen 2'] },
    info: [['Dato', '12. januar 2027']],
    subject: 'Afgørelse',
    blocks: [{ p: 'Du får hjælp.' }],
  });
}

async function pagesPdf(count: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < count; i++) doc.addPage().drawText(`Side ${i + 1}`, { x: 50, y: 750, size: 10, font });
  return doc.save();
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('reading a PDF that is not a readable letter', () => {
  it('says a zero-byte file is empty', async () => {
    expect(await codeOf(extractPdfText(new Uint8Array()))).toBe('letter-empty');
  });

  it('says a PDF without pages, or with only blank ones, is empty', async () => {
    const doc = await PDFDocument.create();
    expect(await codeOf(extractPdfText(await doc.save()))).toBe('letter-empty');
  });

  it('says a JPEG with a .pdf name is not a PDF', async () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...latin1('JFIF\0'), 0x01, 0x01, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
    expect(await codeOf(extractPdfText(jpeg))).toBe('letter-not-a-pdf');
  });

  it('says a password-protected PDF needs its password', async () => {
    expect(await codeOf(extractPdfText(passwordProtectedPdf()))).toBe('letter-encrypted');
  });

  it('says a damaged PDF is damaged', async () => {
    const whole = await letterPdf();
    // The header survives; the objects and the cross-reference table do not.
    const damaged = Uint8Array.from(whole, (byte, i) => (i > 20 && i % 7 === 0 ? 0x00 : byte)).subarray(0, Math.floor(whole.length * 0.6));
    expect(await codeOf(extractPdfText(damaged))).toBe('letter-damaged');
    expect(await codeOf(extractPdfText(latin1('%PDF-1.7\nnothing else here\n')))).toBe('letter-damaged');
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const big = new Uint8Array(LETTER_LIMITS.maxBytes + 1);
    big.set(latin1('%PDF-1.7\n'));
    expect(await codeOf(extractPdfText(big))).toBe('letter-too-large');
  });

  it('refuses a 500-page PDF by its page count', async () => {
    expect(await codeOf(extractPdfText(await pagesPdf(500)))).toBe('letter-too-many-pages');
  }, 30_000);

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const pages: number[] = [];
    const work = extractPdfText(await pagesPdf(5), {
      signal: controller.signal,
      onPage: (done) => {
        pages.push(done);
        if (done === 2) controller.abort();
      },
    });
    expect(await codeOf(work)).toBe('letter-cancelled');
    expect(pages).toEqual([1, 2]);
  });

  it('reads a good letter without fetching anything', async () => {
    const fetch = vi.fn(() => Promise.reject(new TypeError('no network in this test')));
    vi.stubGlobal('fetch', fetch);
    const text = await extractPdfText(await letterPdf());
    expect(text.pages[0]).toContain('Du får hjælp.');
    expect(text.hasTextLayer).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
  });
});
