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
import type { RowRequest, RowWindowAnswer } from '../../shared/row-source';
import type { AccountChoice } from './account-choice';
import type { FilePreview } from './accounts-in-file';
import { fileSummary, HeldImport, type FileSummary, type HeldPreviewContext } from './held-import';
import type { ImportTarget, PreviewRow } from './preview';

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

/** The preview after `change` to the file held, without its rows. */
function changing(change: (file: HeldImport) => FilePreview): WorkerResult<FileSummary> {
  try {
    return { ok: true, value: fileSummary(change(heldImport())) };
  } catch (error) {
    return failure(error);
  }
}

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
   * The preview of the file read last, without its rows (`rows` answers a window of them). Then,
   * once this answer is on its way, the rows' write is packed for `context.target`, while the
   * page draws the preview.
   */
  preview(context: HeldPreviewContext): WorkerResult<FileSummary> {
    return changing((file) => {
      const preview = file.previewOf(context);
      // A later file, or a change to the preview meanwhile, makes this packing moot: it is not done.
      setTimeout(() => held === file && file.isCurrent(preview) && file.packedRows(context.target), 0);
      return preview;
    });
  },

  /** A window of part `part`'s rows in the preview. */
  rows(part: number, request: RowRequest): WorkerResult<RowWindowAnswer<PreviewRow>> {
    try {
      return { ok: true, value: heldImport().rows(part, request) };
    } catch (error) {
      return failure(error);
    }
  },

  /** Row `row` of part `part` in or out; answers the preview as it is then. */
  setIncluded(part: number, row: number, include: boolean): WorkerResult<FileSummary> {
    return changing((file) => file.setIncluded(part, row, include));
  },

  /** Part `part`'s rows to another account; answers the preview as it is then. */
  setAccount(part: number, choice: AccountChoice): WorkerResult<FileSummary> {
    return changing((file) => file.setAccount(part, choice));
  },

  /** The rows' write of the preview as it is now, packed (`writeParts` sends it as it is). */
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
