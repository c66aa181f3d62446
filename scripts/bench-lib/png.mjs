import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from 'playwright-core';

/** Renders an SVG to a PNG file in headless Chromium (the browser the end-to-end tests use). */
export async function svgToPng(svg, path) {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath}: set CHROMIUM_PATH`);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 540 } });
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    mkdirSync(dirname(path), { recursive: true });
    await page.locator('svg').screenshot({ path });
  } finally {
    await browser.close();
  }
}
