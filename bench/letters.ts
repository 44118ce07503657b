/**
 * Letters benchmark (`npm run bench:letters`): reading PDF letters with the extension's code
 * (pdf.js text, lines, the reader), in Node and in a Web Worker of headless Chromium, each next
 * to pdf.js's own text extraction of the same bytes as the baseline.
 *
 * Figures (medians of RUNS runs): a 100-page letter (an access-request reply), and 50 one-page
 * letters from the test corpus read one after another. Goals from issue 16: 100 pages ≤ 3 s and
 * 50 letters ≤ 5 s in the worker. Peak memory: the Node process's RSS, and Chromium's processes'
 * RSS (bench/chromium-rss.ts). Requests made while reading are counted: there must be none.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { extractPdfText } from '../src/letters/pdf/extract';
import { readLetter } from '../src/letters/reading/read';
import { renderLetter, type Block } from '../scripts/letters/render';
import { withRssPeak } from './chromium-rss';
import { figure, mib, printTable, type Figure } from './figures';
import { serve } from './serve-page';
import { launchBenchChromium } from './bench-chromium';

const RUNS = Number(process.env.RUNS ?? 3);
const CORPUS = join(import.meta.dirname, '..', 'tests', 'fixtures', 'letters');

/** A long access-request reply: 100 pages of running text with dates, amounts and rules. */
async function hundredPages(): Promise<Uint8Array> {
  const blocks: Block[] = [];
  for (let i = 0; i < 1420; i++) {
    if (i % 12 === 0) blocks.push({ h: `Dokument ${i / 12 + 1}: Notat fra samtale den ${(i % 27) + 1}. januar 2026` });
    blocks.push({
      p: `Borgeren fortalte om sin situation og om forløbet siden sidste samtale. Vi talte om ydelsen på ${1000 + i}.250,00 kr. og om reglerne i § ${(i % 90) + 1} i lov om aktiv socialpolitik. Borgeren skal sende dokumentation, og sagen følges op ved næste møde i jobcentret.`,
    });
  }
  return renderLetter({
    sender: { name: 'Aarhus Kommune', unit: 'Jobcenter Aarhus', address: ['Værkmestergade 15'] },
    info: [
      ['Dato', '3. februar 2027'],
      ['Sagsnr.', '00.07.03-A00-88-27'],
    ],
    subject: 'Aktindsigt: sagens dokumenter',
    blocks,
    footer: true,
  });
}

function oneSidedLetters(): Uint8Array[] {
  const files = readdirSync(CORPUS)
    .filter((name) => name.endsWith('.pdf') && !name.includes('scanning'))
    .sort()
    .map((name) => new Uint8Array(readFileSync(join(CORPUS, name))));
  return Array.from({ length: 50 }, (_, i) => files[i % files.length]!);
}

async function nodeRead(files: readonly Uint8Array[]): Promise<number> {
  const start = performance.now();
  for (const file of files) readLetter({ pages: (await extractPdfText(file)).pages });
  return performance.now() - start;
}

/** Runs `work` while sampling this process's RSS; returns the peak. */
async function withNodePeak(work: () => Promise<void>): Promise<number> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage.rss());
}

async function main(): Promise<void> {
  const long = await hundredPages();
  const letters = oneSidedLetters();
  const pageCount = (await extractPdfText(long)).pageCount;
  console.log(
    `A ${pageCount}-page letter of ${(long.length / 1024).toFixed(0)} KiB; 50 letters of ${(letters.reduce((n, f) => n + f.length, 0) / 1024).toFixed(0)} KiB in all; ${RUNS} runs each`,
  );
  const figures: Figure[] = [];

  // Node: the CLI's path.
  const nodeLong: number[] = [];
  const nodeMany: number[] = [];
  const nodePeak = await withNodePeak(async () => {
    await nodeRead([long]); // warm-up: loads pdf.js
    for (let run = 0; run < RUNS; run++) {
      nodeLong.push(await nodeRead([long]));
      nodeMany.push(await nodeRead(letters));
    }
  });
  figures.push({ ...figure(`Node: read a ${pageCount}-page letter`, nodeLong), detail: `peak RSS ${mib(nodePeak)}` });
  figures.push(figure('Node: read 50 letters', nodeMany));

  // Chromium: a Web Worker, as the import screen runs it.
  const outDir = mkdtempSync(join(tmpdir(), 'handlerum-letters-bench-'));
  await build({
    configFile: false,
    root: join(import.meta.dirname, 'letters'),
    logLevel: 'error',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: true, reportCompressedSize: false },
  });
  const { server, origin } = await serve(outDir);
  const browser = await launchBenchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const base64 = (files: readonly Uint8Array[]) => files.map((f) => Buffer.from(f).toString('base64'));
    const read = (files: string[], mode: 'read' | 'pdfjs') => page.evaluate(([f, m]) => window.letterBench.read(f, m), [files, mode] as const);
    const longFiles = base64([long]);
    const manyFiles = base64(letters);
    await read(longFiles, 'read'); // warm-up: the worker loads pdf.js
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const workerLong: number[] = [];
    const workerMany: number[] = [];
    const baseLong: number[] = [];
    const baseMany: number[] = [];
    const { peakRss, startRss } = await withRssPeak(async () => {
      for (let run = 0; run < RUNS; run++) {
        workerLong.push((await read(longFiles, 'read')).ms);
        baseLong.push((await read(longFiles, 'pdfjs')).ms);
        workerMany.push((await read(manyFiles, 'read')).ms);
        baseMany.push((await read(manyFiles, 'pdfjs')).ms);
      }
    });
    figures.push({
      ...figure(`Worker: read a ${pageCount}-page letter`, workerLong, { name: 'pdf.js text only', ms: baseLong, goal: { ms: 3000 } }),
      detail: `Chromium RSS ${mib(startRss)} → peak ${mib(peakRss)}`,
    });
    figures.push({
      ...figure('Worker: read 50 letters', workerMany, { name: 'pdf.js text only', ms: baseMany, goal: { ms: 5000 } }),
      detail: `requests while reading: ${requests.length}`,
    });
    printTable(figures);
    if (requests.length > 0) throw new Error(`the worker made requests while reading: ${requests.join(', ')}`);
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
