/**
 * Builds the receiver page into .output/receiver: one index.html with relative asset paths and a
 * classic (non-module) script, so it opens from a file: URL as well as from any static host.
 * Module scripts are fetched in CORS mode, which a file: page (origin "null") cannot pass.
 */
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;

/** Turns Vite's `<script type="module" crossorigin>` into a deferred classic script. */
function classicScript(): Plugin {
  return {
    name: 'handlerum-receiver-classic-script',
    enforce: 'post',
    transformIndexHtml(html) {
      return html
        .replace(/<script type="module" crossorigin src=/g, '<script defer src=')
        .replace(/<link rel="stylesheet" crossorigin href=/g, '<link rel="stylesheet" href=');
    },
  };
}

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  plugins: [classicScript()],
  build: {
    outDir: resolve(root, '../../.output/receiver'),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    // One stylesheet file: the CSP allows no inline styles.
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    rollupOptions: {
      input: resolve(root, 'index.html'),
      output: { format: 'iife', inlineDynamicImports: true, entryFileNames: 'assets/receiver-[hash].js', assetFileNames: 'assets/[name]-[hash][extname]' },
    },
  },
});
