/**
 * Renders the mark (docs/icon.svg) to the PNG icons the stores and browsers ask for, in headless
 * Chromium, so no image library is needed: public/icon/{16,32,48,128}.png. The PNGs are
 * committed; run this again (`npm run icons`) after changing the SVG.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ICON_SIZES = [16, 32, 48, 128] as const;

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(root, 'docs/icon.svg'), 'utf8');
const outDir = resolve(root, 'public/icon');
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const html = `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`;
    await page.setContent(html);
    const path = resolve(outDir, `${size}.png`);
    await page.locator('svg').screenshot({ path, omitBackground: true });
    console.log(`${path} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
