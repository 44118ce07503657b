/**
 * The bench page (bench/page.ts) built with Vite and served on 127.0.0.1, and the call that runs
 * one of its measurements: shared by `npm run bench` and the bank import through the extension.
 */
import { createReadStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type { HandlerumBench } from './page';

const BENCH_DIR = import.meta.dirname;

/**
 * `minify: false` keeps function names, for a readable CPU profile; `root` builds the bench
 * page of another checkout (its own bench/ folder), to compare two versions in one browser
 * (bench/write-profile.ts).
 */
export async function buildPage(options: { minify?: boolean; root?: string } = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'handlerum-bench-'));
  await build({
    configFile: false,
    root: options.root ?? BENCH_DIR,
    logLevel: 'error', // zod's comments make Rollup warn; nothing to act on
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: options.minify ?? true, reportCompressedSize: false },
  });
  return outDir;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
};

/** A static file server for the built page, on 127.0.0.1 only. */
export function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = resolve(root, `.${path === '/' ? '/index.html' : decodeURIComponent(path)}`);
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address !== 'object' || !address) throw new Error('bench server has no address');
      done({ server, origin: `http://127.0.0.1:${address.port}` });
    }),
  );
}

/** Calls one of the page's bench functions. */
export function call<K extends keyof HandlerumBench>(
  page: Page,
  name: K,
  ...args: Parameters<HandlerumBench[K]>
): Promise<Awaited<ReturnType<HandlerumBench[K]>>> {
  return page.evaluate(
    ({ name, args }) => {
      const run = window.handlerumBench[name] as (...a: unknown[]) => unknown;
      return run(...args);
    },
    { name, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<HandlerumBench[K]>>>;
}
