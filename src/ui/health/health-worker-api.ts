/**
 * What the health import worker (entrypoints/health-import-worker.ts) exposes through Comlink:
 * it takes the File the citizen picked, streams it through the importers off the page's main
 * thread, reports progress and honours cancel. It writes nothing: the page stores the result in
 * one call once the citizen has seen the summary, so a cancelled or failed import leaves nothing.
 *
 * Errors cross the worker boundary as data (Comlink keeps only an Error's message), with the
 * importer's own wording for the citizen when it has one.
 */
import { z } from 'zod';
import { detectHealthFile, importAppleHealth, parseFhir } from '../../importers/health/index';
import type { HealthMetric } from '../../records/health/types';
import type { AppleHealthImport, FhirImport } from '../../importers/health/types';
import { ImportError, type ImportErrorCode } from '../../importers/types';
import { HealthMetric as HealthMetricSchema } from '../../records/health/schemas';
import { groupSamples, type ImportFormat, type SamplesData } from './records';

export interface HealthProgress {
  bytesRead: number;
  totalBytes: number;
  /** Rows (records, samples, resources) read so far. */
  records: number;
  elapsedMs: number;
}

export type HealthParseOutcome =
  | {
      ok: true;
      format: Exclude<ImportFormat, 'fhir-json'>;
      /** The export without its raw samples: those come grouped, column by column, in `sampleGroups`. */
      apple: AppleHealthImport;
      sampleGroups: { id: string; data: SamplesData }[];
      elapsedMs: number;
    }
  | { ok: true; format: 'fhir-json'; fhir: FhirImport; elapsedMs: number }
  | { ok: false; code: ImportErrorCode; message?: { da: string; en: string }; detail?: string };

const ParseOptions = z.object({ keepSamples: z.array(HealthMetricSchema).max(20) });
export type HealthParseOptions = { keepSamples: HealthMetric[] };

/** A FHIR bundle is read whole (JSON has no streaming parser here); anything larger is not a bundle a person has. */
export const MAX_FHIR_BYTES = 256 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;
/** Progress is passed on at most this often: a message per parsed row would cost more than the parsing. */
const PROGRESS_EVERY_MS = 100;

/** Binary garbage rather than text we do not know: NUL or other control bytes in the head. */
function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const byte of head.subarray(0, 4096)) if (byte === 0 || byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  return control > 0;
}

function failure(error: unknown): HealthParseOutcome {
  if (error instanceof ImportError) return { ok: false, code: error.code, message: error.citizenMessage, detail: error.detail || error.code };
  if ((error as { name?: string } | null)?.name === 'AbortError') return { ok: false, code: 'cancelled' };
  return { ok: false, code: 'malformed', detail: (error as Error | null)?.name ?? 'Error' };
}

export function createHealthWorkerApi(now: () => number = () => performance.now()) {
  let running: AbortController | null = null;
  return {
    /** Reads the file; `onProgress` (a Comlink proxy from the page) hears at most every 100 ms. */
    async parse(file: Blob & { name?: string }, options: HealthParseOptions, onProgress?: (progress: HealthProgress) => void): Promise<HealthParseOutcome> {
      const parsedOptions = ParseOptions.safeParse(options);
      if (!parsedOptions.success) return { ok: false, code: 'malformed', detail: 'bad options' };
      running?.abort();
      const controller = new AbortController();
      running = controller;
      const started = now();
      let lastReport = -Infinity;
      const report = (bytesRead: number, records: number, force = false) => {
        const at = now();
        if (!force && at - lastReport < PROGRESS_EVERY_MS) return;
        lastReport = at;
        onProgress?.({ bytesRead, totalBytes: file.size, records, elapsedMs: at - started });
      };
      try {
        if (file.size === 0) return { ok: false, code: 'empty-file' };
        const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
        const kind = detectHealthFile(head);
        if (!kind) return { ok: false, code: looksBinary(head) ? 'not-text' : 'unknown-format' };
        report(0, 0, true);
        if (kind === 'fhir-json') {
          if (file.size > MAX_FHIR_BYTES) return { ok: false, code: 'too-large' };
          const text = await file.text();
          if (controller.signal.aborted) return { ok: false, code: 'cancelled' };
          const fhir = parseFhir(text);
          report(file.size, fhir.observations.length + fhir.clinical.length, true);
          return { ok: true, format: kind, fhir, elapsedMs: now() - started };
        }
        const apple = await importAppleHealth(file.stream(), {
          totalBytes: file.size,
          signal: controller.signal,
          keepSamples: parsedOptions.data.keepSamples,
          onProgress: (p) => report(p.bytesRead, p.records),
        });
        if (controller.signal.aborted) return { ok: false, code: 'cancelled' };
        report(apple.bytesRead, apple.records, true);
        const sampleGroups = groupSamples(apple.samples);
        return { ok: true, format: kind, apple: { ...apple, samples: [] }, sampleGroups, elapsedMs: now() - started };
      } catch (error) {
        return controller.signal.aborted ? { ok: false, code: 'cancelled' } : failure(error);
      } finally {
        if (running === controller) running = null;
      }
    },

    /** Stops the running import; its `parse` answers `cancelled`. */
    cancel(): void {
      running?.abort();
    },
  };
}

export const healthWorkerApi = createHealthWorkerApi();
export type HealthWorkerApi = ReturnType<typeof createHealthWorkerApi>;
