/**
 * The letters bench's worker: reads PDFs with the extension's own code (pdf.js in this thread,
 * as the import screen's worker runs it) and times each step inside the worker.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { extractPdfText } from '../../src/letters/pdf/extract';
import { readLetter } from '../../src/letters/reading/read';

export interface LetterJob {
  readonly id: number;
  readonly files: readonly Uint8Array[];
  /** `read`: extract and read each file; `pdfjs`: pdf.js text content only, the baseline. */
  readonly mode: 'read' | 'pdfjs';
}

export interface LetterJobResult {
  readonly id: number;
  readonly ms: number;
  readonly pages: number;
  readonly findings: number;
}

async function pdfjsOnly(bytes: Uint8Array): Promise<number> {
  const task = getDocument({ data: bytes.slice(), useWorkerFetch: false, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 });
  const document = await task.promise;
  for (let number = 1; number <= document.numPages; number++) await (await document.getPage(number)).getTextContent();
  const pages = document.numPages;
  await task.destroy();
  return pages;
}

self.onmessage = async ({ data: job }: MessageEvent<LetterJob>) => {
  const start = performance.now();
  let pages = 0;
  let findings = 0;
  for (const file of job.files) {
    if (job.mode === 'pdfjs') {
      pages += await pdfjsOnly(file);
      continue;
    }
    const text = await extractPdfText(file);
    const reading = readLetter({ pages: text.pages });
    pages += text.pageCount;
    findings += reading.caseNumbers.length + reading.dates.length + reading.amounts.length + reading.rules.length;
  }
  const result: LetterJobResult = { id: job.id, ms: performance.now() - start, pages, findings };
  self.postMessage(result);
};
