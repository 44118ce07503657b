/** The letters bench's page: hands PDFs to the worker and returns what it timed. */
import type { LetterJob, LetterJobResult } from './worker';

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
let next = 0;

function run(files: readonly Uint8Array[], mode: LetterJob['mode']): Promise<LetterJobResult> {
  const id = next++;
  return new Promise((resolve) => {
    const listener = ({ data }: MessageEvent<LetterJobResult>) => {
      if (data.id !== id) return;
      worker.removeEventListener('message', listener);
      resolve(data);
    };
    worker.addEventListener('message', listener);
    worker.postMessage({ id, files, mode } satisfies LetterJob);
  });
}

const decode = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

export interface LetterBench {
  read(files: readonly string[], mode: LetterJob['mode']): Promise<LetterJobResult>;
}

declare global {
  interface Window {
    letterBench: LetterBench;
  }
}

window.letterBench = { read: (files, mode) => run(files.map(decode), mode) };
document.title = 'ready';
