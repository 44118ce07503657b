/**
 * Reads the caller's bytes (a ReadableStream or any async iterable) one chunk at a time, counting
 * bytes for progress and checking the abort signal between chunks.
 */
import type { AppleHealthOptions } from '../types';
import { healthError } from '../errors';
import { bestEffort } from '../../../shared/best-effort';

const PROGRESS_EVERY = 1024 * 1024;

export class ByteSource {
  bytesRead = 0;
  private nextProgress = PROGRESS_EVERY;
  private readonly pending: Uint8Array[] = [];
  private readonly iterator: AsyncIterator<Uint8Array>;
  private readonly release: () => void;

  constructor(
    source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
    private readonly options: AppleHealthOptions,
  ) {
    if ('getReader' in source && typeof source.getReader === 'function') {
      // Not every browser can iterate a ReadableStream with for-await yet; its reader works everywhere.
      const reader = source.getReader();
      this.iterator = {
        next: async () => {
          const r = await reader.read();
          return r.done ? { done: true, value: undefined } : { done: false, value: r.value };
        },
      };
      this.release = () => void bestEffort(reader.cancel(), 'the stream may have ended already');
    } else {
      const it = (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
      this.iterator = it;
      this.release = () => void it.return?.()?.catch?.(() => undefined);
    }
  }

  /** The first bytes (at least `min` unless the input is shorter), kept to be read again. */
  async head(min: number): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let n = 0;
    while (n < min) {
      const chunk = await this.pull();
      if (chunk === undefined) break;
      parts.push(chunk);
      n += chunk.length;
    }
    this.pending.push(...parts);
    const head = new Uint8Array(n);
    let at = 0;
    for (const p of parts) {
      head.set(p, at);
      at += p.length;
    }
    return head;
  }

  /** The next non-empty chunk, or undefined at the end. */
  async next(): Promise<Uint8Array | undefined> {
    const kept = this.pending.shift();
    if (kept !== undefined) return kept;
    return this.pull();
  }

  checkAbort(): void {
    if (this.options.signal?.aborted) throw healthError('cancelled', 'aborted by the caller');
  }

  progress(records: number): void {
    if (this.bytesRead >= this.nextProgress) {
      this.nextProgress = this.bytesRead + PROGRESS_EVERY;
      this.options.onProgress?.({ bytesRead: this.bytesRead, records });
    }
  }

  /** Stops reading the input (after an error or an abort). */
  cancel(): void {
    this.release();
  }

  private async pull(): Promise<Uint8Array | undefined> {
    for (;;) {
      this.checkAbort();
      let r: IteratorResult<Uint8Array>;
      try {
        r = await this.iterator.next();
      } catch (e) {
        if (this.options.signal?.aborted) throw healthError('cancelled', 'aborted by the caller', e);
        throw healthError('truncated', 'the file could not be read to its end', e);
      }
      this.checkAbort();
      if (r.done) return undefined;
      const chunk = r.value;
      if (!(chunk instanceof Uint8Array)) throw new TypeError('importAppleHealth: source must yield Uint8Array chunks');
      if (chunk.length === 0) continue;
      this.bytesRead += chunk.length;
      return chunk;
    }
  }
}
