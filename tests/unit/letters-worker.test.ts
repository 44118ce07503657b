/**
 * The letter worker's API, run in Node: the PDFs inside a ZIP (nothing else, not too much), a
 * letter read with progress per page, a scan kept with nothing read, and a file that is not a
 * PDF answered with its code as a value (Comlink would keep only an Error's message).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { letterWorkerApi } from '../../src/ui/letters/letter-worker-api';

const LETTERS = join(import.meta.dirname, '../fixtures/letters');
const letter = (name: string) => new Uint8Array(readFileSync(join(LETTERS, `${name}.pdf`)));
const SUMMONS = '18-aarhus-indkaldelse-jobsamtale';
const SCAN = '42-scanning-indkaldelse';

describe('a ZIP of letters', () => {
  it('gives the PDFs in it, by name, also from folders, and leaves other files out', async () => {
    const zip = zipSync({
      'breve/b-indkaldelse.pdf': letter(SUMMONS),
      'a-scanning.PDF': letter(SCAN),
      'noter.txt': new TextEncoder().encode('ikke et brev'),
      '__MACOSX/breve/._b-indkaldelse.pdf': new Uint8Array([0, 5, 22, 7]),
    });
    const result = await letterWorkerApi.unzip(zip);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((f) => f.name)).toEqual(['a-scanning.PDF', 'b-indkaldelse.pdf']);
    expect(result.value[1]!.bytes).toEqual(letter(SUMMONS));
  });

  it('says so when there is no PDF in it, or when it is no ZIP', async () => {
    expect(await letterWorkerApi.unzip(zipSync({ 'a.txt': new Uint8Array([65]) }))).toMatchObject({ ok: false, code: 'zip-no-pdfs' });
    expect(await letterWorkerApi.unzip(new Uint8Array([1, 2, 3, 4, 5]))).toMatchObject({ ok: false, code: 'zip-damaged' });
  });

  it('refuses more PDFs than one import takes', async () => {
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`brev-${i}.pdf`, new Uint8Array([37, 80, 68, 70])]));
    expect(await letterWorkerApi.unzip(zipSync(many))).toMatchObject({ ok: false, code: 'zip-too-large' });
  });
});

describe('reading one letter', () => {
  it('reads the text page by page, with progress, and what the letter says', async () => {
    const pages: [number, number][] = [];
    const result = await letterWorkerApi.read(letter(SUMMONS), {}, (done, of) => pages.push([done, of]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(pages).toEqual([[1, 1]]);
    expect(result.value.text.hasTextLayer).toBe(true);
    expect(result.value.reading).toMatchObject({ kind: 'summons', caseNumbers: [{ value: '15.20.20-G01-1234-27' }] });
  });

  it('keeps a scan with nothing read', async () => {
    const result = await letterWorkerApi.read(letter(SCAN), {});
    expect(result).toMatchObject({ ok: true, value: { reading: null, text: { hasTextLayer: false } } });
  });

  it('answers a file that is not a PDF with its code', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(64).fill(0x20)]);
    expect(await letterWorkerApi.read(jpeg, {})).toMatchObject({ ok: false, code: 'letter-not-a-pdf' });
  });
});
