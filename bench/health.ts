/**
 * Health import speed and memory in the bench page: a synthetic Apple Health export.xml of a
 * given size is generated in the page chunk by chunk into a Blob (as a picked File is one; the
 * generator is slower than the importer, so it stays outside the clock), then streamed with
 * blob.stream() through the real importer (importAppleHealth: sanitising, SAX parsing, daily
 * aggregates). The baseline streams the same Blob through a TextDecoder only, so the ratio is
 * the importer's own cost over the floor of reading the text.
 *
 * Peak JS heap is sampled from performance.memory (precise with --enable-precise-memory-info)
 * at every chunk; bench/run.ts samples the RSS of Chromium's processes beside it.
 */
import { importAppleHealth } from '../src/importers/health/index';
import { generateAppleHealthXml } from '../src/importers/health/testing/generate';

const heap = (): number | null => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;

function heapPeak() {
  const start = heap();
  let peak = start;
  return {
    start,
    sample() {
      const now = heap();
      if (now !== null && (peak === null || now > peak)) peak = now;
    },
    get peak() {
      return peak;
    },
  };
}

export interface HealthRun {
  ms: number;
  bytes: number;
  startHeapBytes: number | null;
  peakHeapBytes: number | null;
}

let blob: Blob | null = null;

function prepared(): Blob {
  if (!blob) throw new Error('healthPrepare first');
  return blob;
}

export const healthBench = {
  /** Generates the export into a Blob, 32 MiB at a time so the page never holds the text whole. */
  async healthPrepare(targetBytes: number, seed: number): Promise<{ bytes: number; ms: number }> {
    const started = performance.now();
    const parts: Blob[] = [];
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    for await (const chunk of generateAppleHealthXml(targetBytes, seed)) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= 32 * 1024 * 1024) {
        parts.push(new Blob(pending as BlobPart[]));
        pending = [];
        pendingBytes = 0;
      }
    }
    parts.push(new Blob(pending as BlobPart[]));
    blob = new Blob(parts, { type: 'text/xml' });
    return { bytes: blob.size, ms: performance.now() - started };
  },

  healthRelease(): void {
    blob = null;
  },

  /** The floor: the Blob's bytes decoded as UTF-8 text, chunk by chunk. */
  async healthDecodeOnly(): Promise<HealthRun & { chars: number }> {
    const memory = heapPeak();
    const decoder = new TextDecoder('utf-8');
    let bytes = 0;
    let chars = 0;
    const started = performance.now();
    const reader = prepared().stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      chars += decoder.decode(value, { stream: true }).length;
      memory.sample();
    }
    chars += decoder.decode().length;
    const ms = performance.now() - started;
    return { ms, bytes, chars, startHeapBytes: memory.start, peakHeapBytes: memory.peak };
  },

  /** The importer over the same Blob; returns what it found, to check it read everything. */
  async healthImport(): Promise<HealthRun & { records: number; days: number; types: number; workouts: number }> {
    const file = prepared();
    const memory = heapPeak();
    const started = performance.now();
    const result = await importAppleHealth(file.stream(), {
      totalBytes: file.size,
      onProgress: () => memory.sample(),
    });
    const ms = performance.now() - started;
    memory.sample();
    return {
      ms,
      bytes: result.bytesRead,
      records: result.records,
      days: new Set(result.daily.map((d) => d.date)).size,
      types: new Set(result.daily.map((d) => d.type)).size,
      workouts: result.workouts.length,
      startHeapBytes: memory.start,
      peakHeapBytes: memory.peak,
    };
  },
};
