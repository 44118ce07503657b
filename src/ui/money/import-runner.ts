/**
 * Starts the bank import worker for one file and ends it when done or cancelled. Cancelling
 * ends the worker outright: the parser runs synchronously there, so only ending the thread
 * stops it at once, and nothing has been written yet, so nothing is left half done.
 */
import { proxy, wrap, type Remote } from 'comlink';
import { browser } from 'wxt/browser';
import type { BankFormat, BankStatement, CsvPreview } from '../../importers/bank/index';
import type { WritePart } from '../../messaging/write-parts';
import type { RowRequest, RowWindowAnswer } from '../../shared/row-source';
import type { AccountChoice } from './account-choice';
import type { BankWorkerApi, ParseProgress, ParseRequest, WorkerFailure, WorkerResult } from './bank-worker-api';
import type { FileSummary, HeldPreviewContext } from './held-import';
import type { ImportTarget, PreviewRow } from './preview';
import { bestEffort } from '../../shared/best-effort';

export type { ParseProgress, WorkerFailure };

export interface BankWorker {
  previewCsv(file: Blob): Promise<WorkerResult<CsvPreview>>;
  parse(file: Blob | Uint8Array, options: ParseRequest, onProgress: (p: ParseProgress) => void): Promise<WorkerResult<BankStatement>>;
  /** Parses the file and keeps it in the worker, for `preview` and `packedRows`. */
  read(file: Blob, options: ParseRequest, onProgress: (p: ParseProgress) => void): Promise<WorkerResult<{ format: BankFormat }>>;
  preview(context: HeldPreviewContext): Promise<WorkerResult<FileSummary>>;
  rows(part: number, request: RowRequest): Promise<WorkerResult<RowWindowAnswer<PreviewRow>>>;
  setIncluded(part: number, row: number, include: boolean): Promise<WorkerResult<FileSummary>>;
  setAccount(part: number, choice: AccountChoice): Promise<WorkerResult<FileSummary>>;
  /** The rows' write of the last preview, packed; prepared in the worker while the preview is shown. */
  packedRows(target: ImportTarget): Promise<WorkerResult<WritePart[]>>;
  /** Lets go of the file the worker keeps. */
  forget(): void;
  /** Stops whatever runs; the pending call resolves with `{ ok: false, code: 'cancelled' }`. */
  cancel(): void;
  close(): void;
}

const CANCELLED: WorkerFailure = { ok: false, code: 'cancelled', detail: 'cancelled by the citizen' };

export function startBankWorker(): BankWorker {
  let worker: Worker | null = null;
  let remote: Remote<BankWorkerApi> | null = null;
  let stop: ((result: WorkerFailure) => void) | null = null;

  const ensure = (): Remote<BankWorkerApi> => {
    if (!worker || !remote) {
      worker = new Worker(browser.runtime.getURL('/bank-import-worker.js'));
      remote = wrap<BankWorkerApi>(worker);
    }
    return remote;
  };
  const end = () => {
    worker?.terminate();
    worker = null;
    remote = null;
  };

  /** Races a call against cancel and against the worker dying (it then never answers Comlink). */
  const guarded = <T>(call: (api: Remote<BankWorkerApi>) => Promise<WorkerResult<T>>): Promise<WorkerResult<T>> => {
    const api = ensure();
    const current = worker!;
    return new Promise<WorkerResult<T>>((resolve) => {
      const died = (event: Event) => resolve({ ok: false, code: 'unexpected', detail: `worker ${event.type}` });
      current.addEventListener('error', died);
      current.addEventListener('messageerror', died);
      stop = resolve;
      call(api).then(resolve, (error: unknown) => resolve({ ok: false, code: 'unexpected', detail: String(error) }));
    }).finally(() => {
      stop = null;
    });
  };

  return {
    previewCsv: (file) => guarded((api) => api.previewCsv(file, 20)),
    parse: (file, options, onProgress) => guarded((api) => api.parse(file, options, proxy(onProgress))),
    read: (file, options, onProgress) => guarded((api) => api.read(file, options, proxy(onProgress))),
    preview: (context) => guarded((api) => api.preview(context)),
    rows: (part, request) => guarded((api) => api.rows(part, request)),
    setIncluded: (part, row, include) => guarded((api) => api.setIncluded(part, row, include)),
    setAccount: (part, choice) => guarded((api) => api.setAccount(part, choice)),
    packedRows: (target) => guarded((api) => api.packedRows(target)),
    forget() {
      void bestEffort(remote?.forget(), 'the worker may have ended already');
    },
    cancel() {
      void bestEffort(remote?.cancel(), 'the worker may have ended already');
      end();
      stop?.(CANCELLED);
    },
    close: end,
  };
}
