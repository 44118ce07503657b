/**
 * What the bank import worker (entrypoints/bank-import-worker.ts) exposes through Comlink:
 * detect, preview and parse a statement off the page's main thread, with progress; and for the
 * import itself, read a file and keep it (held-import.ts), build its preview and pack its rows'
 * write there. Errors come back as values, not throws: Comlink keeps only an Error's message,
 * and the page needs the ImportError's code and citizen text.
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
import type { WritePart } from '../../messaging/write-parts';
import type { FilePreview } from './accounts-in-file';
import { HeldImport, type HeldPreviewContext } from './held-import';
import type { ImportTarget } from './preview';

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
/** The file read last by `read`, until the next one or `forget`. */
let held: HeldImport | null = null;

function heldImport(): HeldImport {
  // The page asks only after a read answered: without one, the worker was restarted in between.
  if (!held) throw new Error('no file read in this worker');
  return held;
}

/** Parses the whole file; `onProgress` is called at most every 100 ms (a Comlink proxy). */
async function parseFile(
  input: Blob | Uint8Array,
  request: ParseRequest,
  onProgress?: (progress: ParseProgress) => void,
): Promise<WorkerResult<BankStatement>> {
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
}

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

  parse: parseFile,

  /**
   * Parses the whole file, as `parse`, and keeps it for `preview` and `packedRows` (the page
   * then never holds every row twice); answers what the preview's heading names.
   */
  async read(input: Blob | Uint8Array, request: ParseRequest, onProgress?: (progress: ParseProgress) => void): Promise<WorkerResult<{ format: BankFormat }>> {
    held = null;
    const result = await parseFile(input, request, onProgress);
    if (!result.ok) return result;
    held = new HeldImport(result.value);
    return { ok: true, value: { format: result.value.format } };
  },

  /**
   * The preview of the file read last. Then, once this answer is on its way, the rows' write is
   * packed for `context.target`, while the page draws the preview.
   */
  preview(context: HeldPreviewContext): WorkerResult<FilePreview> {
    try {
      const file = heldImport();
      const preview = file.previewOf(context);
      // A later file, or a preview asked again meanwhile, makes this packing moot: it is not done.
      setTimeout(() => held === file && file.isPreviewed(preview) && file.packedRows(context.target), 0);
      return { ok: true, value: preview };
    } catch (error) {
      return failure(error);
    }
  },

  /** The rows' write of the last preview, packed (`writeParts` sends it as it is). */
  packedRows(target: ImportTarget): WorkerResult<WritePart[]> {
    try {
      return { ok: true, value: heldImport().packedRows(target) };
    } catch (error) {
      return failure(error);
    }
  },

  /** Lets go of the file read last: the citizen left its preview. */
  forget(): void {
    held = null;
  },

  /** Asks a running parse to stop. The page also ends the worker, which stops even a parse that never looks. */
  cancel(): void {
    current?.abort();
  },
};

export type BankWorkerApi = typeof bankWorkerApi;
