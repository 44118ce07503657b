/**
 * What the bank import worker (entrypoints/bank-import-worker.ts) exposes through Comlink:
 * detect, preview and parse a statement off the page's main thread, with progress. Errors come
 * back as values, not throws: Comlink keeps only an Error's message, and the page needs the
 * ImportError's code and citizen text.
 */
import {
  detectBankFile,
  parseBankFile,
  previewCsv,
  type BankFormat,
  type BankStatement,
  type ColumnMapping,
  type CsvPreview,
} from '../../importers/bank/index';
import { ImportError, type ImportErrorCode } from '../../importers/types';

export interface ParseProgress {
  rows: number;
  /** Lines in the file, counted before parsing: the bar's 100 %. */
  totalLines: number;
  rowsPerSecond: number;
}

export interface WorkerFailure {
  ok: false;
  code: ImportErrorCode | 'unexpected';
  citizenMessage?: { da: string; en: string };
  /** A cut-off CSV file: the whole rows before the cut, which the citizen may choose to read in. */
  completeRows?: number;
  /** For developers only; never shown. */
  detail: string;
}

export type WorkerResult<T> = { ok: true; value: T } | WorkerFailure;

export interface ParseRequest {
  mapping?: ColumnMapping;
  /** `YYYY-MM-DD` in Copenhagen, for reserved rows without a purchase date. */
  today: string;
  /** The citizen chose to read the whole rows of a cut-off file. */
  keepCompleteRows?: boolean;
}

/** How often progress is sent: each message costs a structured clone and a page render. */
const PROGRESS_EVERY_MS = 100;

function failure(error: unknown): WorkerFailure {
  if (error instanceof ImportError) {
    const out: WorkerFailure = { ok: false, code: error.code, citizenMessage: error.citizenMessage, detail: error.detail || error.code };
    if (error.completeRows !== undefined) out.completeRows = error.completeRows;
    return out;
  }
  return { ok: false, code: 'unexpected', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

async function bytesOf(input: Blob | Uint8Array): Promise<Uint8Array> {
  return input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer());
}

function countLines(bytes: Uint8Array): number {
  let lines = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) lines++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? lines + 1 : lines;
}

let current: AbortController | null = null;

export const bankWorkerApi = {
  async detect(input: Blob | Uint8Array): Promise<WorkerResult<BankFormat | null>> {
    try {
      return { ok: true, value: detectBankFile(await bytesOf(input)) };
    } catch (error) {
      return failure(error);
    }
  },

  async previewCsv(input: Blob | Uint8Array, maxRows = 20): Promise<WorkerResult<CsvPreview>> {
    try {
      return { ok: true, value: previewCsv(await bytesOf(input), maxRows) };
    } catch (error) {
      return failure(error);
    }
  },

  /** Parses the whole file; `onProgress` is called at most every 100 ms (a Comlink proxy). */
  async parse(input: Blob | Uint8Array, request: ParseRequest, onProgress?: (progress: ParseProgress) => void): Promise<WorkerResult<BankStatement>> {
    const controller = new AbortController();
    current = controller;
    try {
      const bytes = await bytesOf(input);
      if (controller.signal.aborted) return { ok: false, code: 'cancelled', detail: 'cancelled before parsing' };
      const totalLines = countLines(bytes);
      const started = performance.now();
      let lastSent = started;
      const statement = parseBankFile(bytes, {
        ...(request.mapping ? { mapping: request.mapping } : {}),
        today: request.today,
        ...(request.keepCompleteRows ? { keepCompleteRows: true } : {}),
        signal: controller.signal,
        onProgress: (rows) => {
          const now = performance.now();
          if (!onProgress || now - lastSent < PROGRESS_EVERY_MS) return;
          lastSent = now;
          onProgress({ rows, totalLines, rowsPerSecond: Math.round(rows / ((now - started) / 1000)) });
        },
      });
      return { ok: true, value: statement };
    } catch (error) {
      return failure(error);
    } finally {
      if (current === controller) current = null;
    }
  },

  /** Asks a running parse to stop. The page also ends the worker, which stops even a parse that never looks. */
  cancel(): void {
    current?.abort();
  },
};

export type BankWorkerApi = typeof bankWorkerApi;
