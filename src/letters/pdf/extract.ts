/**
 * Text out of a PDF letter with pdf.js, locally: in Node (the CLI, tests) and inside our own
 * Web Worker in the extension. pdf.js runs in this thread (its "fake worker", given its handler
 * directly), so it never starts a worker from a URL, and it is given no font, cMap, ICC or WASM
 * address: nothing is fetched. Text extraction needs none of them.
 */
import { LETTER_LIMITS, LetterError } from '../errors';
import type { PDFPageProxy, TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { piecesToText, type TextPiece } from './lines';

export interface PdfText {
  /** Text per page in reading order, lines joined by "\n" (see lines.ts). */
  readonly pages: readonly string[];
  readonly pageCount: number;
  /** False when no page has any text: a scan (images only). */
  readonly hasTextLayer: boolean;
  /** Pages (0-based) without any text, e.g. scanned attachments inside a text letter. */
  readonly pagesWithoutText: readonly number[];
}

export interface ExtractOptions {
  readonly signal?: AbortSignal;
  /** Called after each page, for progress. */
  readonly onPage?: (done: number, of: number) => void;
  readonly maxBytes?: number;
  readonly maxPages?: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;

/** Loads pdf.js and its worker code into this thread once (see the module comment). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const [library, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return library;
  })();
  return pdfjs;
}

/** "%PDF-" within the first KiB: readers accept a little junk before the header, as the spec allows. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

function checkBytes(bytes: Uint8Array, maxBytes: number): void {
  if (bytes.length === 0) throw new LetterError('letter-empty', 'zero bytes');
  if (bytes.length > maxBytes) throw new LetterError('letter-too-large', `${bytes.length} bytes, limit ${maxBytes}`);
  if (!hasPdfHeader(bytes)) throw new LetterError('letter-not-a-pdf', 'no %PDF- header');
}

/** pdf.js's own failures, told apart by their class names (pdf.js exports no codes for them). */
function openFailure(error: unknown): LetterError {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') return new LetterError('letter-encrypted', 'password required', { cause: error });
  if (name === 'InvalidPDFException') return new LetterError('letter-damaged', 'invalid PDF structure', { cause: error });
  return new LetterError('letter-damaged', `pdf.js: ${typeof name === 'string' ? name : 'unknown failure'}`, { cause: error });
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LetterError('letter-cancelled');
}

const isTextItem = (item: TextItem | TextMarkedContent): item is TextItem => 'str' in item;

function toPiece(item: TextItem): TextPiece {
  const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
  return { text: item.str, x, y, width: item.width, size: item.height || Math.hypot(a, b) };
}

/** Whether a page draws anything: an image, a shape or text (a scan draws at least an image). */
async function paintsAnything(page: PDFPageProxy, ops: PdfJs['OPS']): Promise<boolean> {
  const painting = new Set<number>([
    ops.paintImageXObject,
    ops.paintInlineImageXObject,
    ops.paintImageMaskXObject,
    ops.paintImageXObjectRepeat,
    ops.paintSolidColorImageMask,
    ops.fill,
    ops.eoFill,
    ops.stroke,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.shadingFill,
    ops.showText,
    ops.constructPath,
  ]);
  const list = await page.getOperatorList();
  return list.fnArray.some((fn) => painting.has(fn));
}

/**
 * The text of every page of a PDF.
 * @throws LetterError `letter-empty` (no bytes, or pages that show nothing), `letter-not-a-pdf`, `letter-too-large`,
 * `letter-too-many-pages`, `letter-encrypted`, `letter-damaged`, `letter-cancelled`.
 */
export async function extractPdfText(bytes: Uint8Array, options: ExtractOptions = {}): Promise<PdfText> {
  const maxPages = options.maxPages ?? LETTER_LIMITS.maxPages;
  checkBytes(bytes, options.maxBytes ?? LETTER_LIMITS.maxBytes);
  throwIfCancelled(options.signal);
  const { getDocument, OPS, VerbosityLevel } = await loadPdfJs();
  const task = getDocument({
    // pdf.js takes ownership of (and may detach) the buffer it is given: give it a copy.
    data: bytes.slice(),
    useWorkerFetch: false,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw openFailure(error);
    });
    if (document.numPages === 0) throw new LetterError('letter-empty', 'no pages');
    if (document.numPages > maxPages) throw new LetterError('letter-too-many-pages', `${document.numPages} pages, limit ${maxPages}`);
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      throwIfCancelled(options.signal);
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(piecesToText(content.items.filter(isTextItem).map(toPiece)));
      page.cleanup();
      options.onPage?.(number, document.numPages);
    }
    const pagesWithoutText = pages.flatMap((text, index) => (text.trim() === '' ? [index] : []));
    // No text anywhere: a scan, unless the first page paints nothing at all (a blank file).
    if (pagesWithoutText.length === pages.length && !(await paintsAnything(await document.getPage(1), OPS))) {
      throw new LetterError('letter-empty', 'no text and nothing painted');
    }
    return { pages, pageCount: pages.length, hasTextLayer: pagesWithoutText.length < pages.length, pagesWithoutText };
  } finally {
    await task.destroy();
  }
}
