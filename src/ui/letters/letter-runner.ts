/**
 * Reads many PDF letters (and ZIPs of them) one after another in the letter worker, with
 * progress, and stops at once on cancel by ending the worker: nothing is written while letters
 * are read, so a cancel leaves nothing half done. Each file gets its own outcome.
 */
import { proxy, wrap, type Remote } from 'comlink';
import { browser } from 'wxt/browser';
import type { LetterFailure, LetterResult, LetterWorkerApi, ReadLetterResult } from './letter-worker-api';
import { bestEffort } from '../../shared/best-effort';

export type { LetterFailure };

/** One PDF read: its name, bytes (kept for the vault) and what the worker gave. */
export interface ReadFile {
  name: string;
  bytes: Uint8Array;
  result: LetterResult<ReadLetterResult>;
}

export interface RunProgress {
  /** Files done and in all (a ZIP counts as the PDFs inside it once opened). */
  done: number;
  total: number;
  current: string | null;
  page: number;
  pages: number;
}

const CANCELLED: LetterFailure = { ok: false, code: 'letter-cancelled', detail: 'cancelled by the citizen' };

export interface LetterRun {
  /** Every file's outcome, in order; files not reached before a cancel are left out. */
  done: Promise<{ files: ReadFile[]; cancelled: boolean }>;
  cancel(): void;
}

const isZip = (file: File): boolean => /\.zip$/i.test(file.name) || file.type === 'application/zip' || file.type === 'application/x-zip-compressed';

export function readLetters(chosen: readonly File[], onProgress: (p: RunProgress) => void): LetterRun {
  const worker = new Worker(browser.runtime.getURL('/letter-worker.js'));
  const api: Remote<LetterWorkerApi> = wrap<LetterWorkerApi>(worker);
  let cancelled = false;
  let stop: (() => void) | null = null;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const died = new Promise<LetterFailure>((resolve) => {
    const onDeath = (event: Event) => resolve({ ok: false, code: 'unexpected', detail: `worker ${event.type}` });
    worker.addEventListener('error', onDeath);
    worker.addEventListener('messageerror', onDeath);
  });
  /** A call raced against cancel and against the worker dying (it then never answers). */
  const guarded = async <T>(call: Promise<LetterResult<T>>): Promise<LetterResult<T>> => Promise.race([call, died, stopped.then(() => CANCELLED)]);

  const run = async () => {
    const files: ReadFile[] = [];
    const queue: { name: string; bytes: Uint8Array | null; file: File | null }[] = chosen.map((file) => ({ name: file.name, bytes: null, file }));
    let done = 0;
    let total = queue.length;
    try {
      while (queue.length > 0 && !cancelled) {
        const next = queue.shift()!;
        onProgress({ done, total, current: next.name, page: 0, pages: 0 });
        let bytes = next.bytes;
        if (!bytes) {
          try {
            bytes = new Uint8Array(await next.file!.arrayBuffer());
          } catch {
            files.push({ name: next.name, bytes: new Uint8Array(), result: { ok: false, code: 'unexpected', detail: 'file unreadable' } });
            done++;
            continue;
          }
        }
        if (next.file && isZip(next.file)) {
          const inside = await guarded(api.unzip(bytes));
          if (cancelled) break;
          if (!inside.ok) files.push({ name: next.name, bytes: new Uint8Array(), result: inside });
          else {
            queue.unshift(...inside.value.map((f) => ({ name: f.name, bytes: f.bytes, file: null })));
            total += inside.value.length;
          }
          done++;
          continue;
        }
        const result = await guarded(
          api.read(
            bytes,
            {},
            proxy((page: number, pages: number) => onProgress({ done, total, current: next.name, page, pages })),
          ),
        );
        if (cancelled) break;
        files.push({ name: next.name, bytes, result });
        done++;
      }
      onProgress({ done, total, current: null, page: 0, pages: 0 });
      return { files, cancelled };
    } finally {
      worker.terminate();
    }
  };

  return {
    done: run(),
    cancel() {
      if (cancelled) return;
      cancelled = true;
      void bestEffort(api.cancel(), 'the worker is ended right after');
      stop?.();
      worker.terminate();
    },
  };
}
