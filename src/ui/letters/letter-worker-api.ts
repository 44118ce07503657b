/**
 * What the letter worker (entrypoints/letter-worker.ts) exposes through Comlink: the PDFs in a
 * ZIP, and a PDF's text with what the reader found in it, off the page's main thread. Nothing
 * here touches the network: pdf.js runs in this worker's own thread with no font, cMap or worker
 * address (src/letters/pdf/extract.ts). Errors come back as values: Comlink keeps only an Error's
 * message, and the page needs the LetterError's code.
 */
import { unzipSync } from 'fflate';
import { LETTER_LIMITS, LetterError, readLetter, type LetterErrorCode, type LetterReading } from '../../letters/index';
import { extractPdfText, type PdfText } from '../../letters/pdf/extract';

export interface LetterFailure {
  ok: false;
  code: LetterErrorCode | 'zip-damaged' | 'zip-too-large' | 'zip-no-pdfs' | 'unexpected';
  /** For developers only; never shown. */
  detail: string;
}
export type LetterResult<T> = { ok: true; value: T } | LetterFailure;

export interface ReadLetterResult {
  text: PdfText;
  /** Null for a scan: there is no text to read. */
  reading: LetterReading | null;
}

/** A ZIP of letters holds at most this many PDFs; a larger one is read in parts. */
export const ZIP_MAX_LETTERS = 200;
/** What a ZIP may unpack to in all; a ZIP bomb stops here. */
const ZIP_MAX_TOTAL = 256 * 1024 * 1024;

let current: AbortController | null = null;

function failure(error: unknown): LetterFailure {
  if (error instanceof LetterError) return { ok: false, code: error.code, detail: error.detail || error.code };
  return { ok: false, code: 'unexpected', detail: error instanceof Error ? error.name : typeof error };
}

const bytesOf = async (input: Blob | Uint8Array): Promise<Uint8Array> => (input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer()));

export const letterWorkerApi = {
  /** The PDFs in a ZIP (folders inside it included), by their names; other files are left out. */
  async unzip(input: Blob | Uint8Array): Promise<LetterResult<{ name: string; bytes: Uint8Array }[]>> {
    let total = 0;
    let count = 0;
    try {
      const files = unzipSync(await bytesOf(input), {
        filter: (file) => {
          if (!/\.pdf$/i.test(file.name) || file.name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX')) return false;
          total += file.originalSize;
          count += 1;
          if (total > ZIP_MAX_TOTAL || count > ZIP_MAX_LETTERS) throw new RangeError('zip: too much inside');
          return true;
        },
      });
      const letters = Object.entries(files)
        .map(([path, bytes]) => ({ name: path.split('/').at(-1) ?? path, bytes }))
        .sort((a, b) => a.name.localeCompare(b.name, 'da'));
      if (letters.length === 0) return { ok: false, code: 'zip-no-pdfs', detail: 'no .pdf entries' };
      return { ok: true, value: letters };
    } catch (error) {
      if (error instanceof RangeError) return { ok: false, code: 'zip-too-large', detail: error.message };
      return { ok: false, code: 'zip-damaged', detail: error instanceof Error ? error.name : 'unzip failed' };
    }
  },

  /** Reads one PDF: its text page by page (`onPage` after each), then what the letter says. */
  async read(input: Blob | Uint8Array, context: { receivedOn?: string }, onPage?: (done: number, of: number) => void): Promise<LetterResult<ReadLetterResult>> {
    const controller = new AbortController();
    current = controller;
    try {
      const bytes = await bytesOf(input);
      const text = await extractPdfText(bytes, { signal: controller.signal, maxBytes: LETTER_LIMITS.maxBytes, ...(onPage ? { onPage } : {}) });
      const reading = text.hasTextLayer ? readLetter({ pages: text.pages }, context.receivedOn ? { receivedOn: context.receivedOn } : {}) : null;
      return { ok: true, value: { text, reading } };
    } catch (error) {
      return failure(error);
    } finally {
      if (current === controller) current = null;
    }
  },

  /** Asks a running read to stop between pages; the page also ends the worker. */
  cancel(): void {
    current?.abort();
  },
};

export type LetterWorkerApi = typeof letterWorkerApi;
