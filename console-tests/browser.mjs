// Shared by the console's browser tests: headless Debian Chromium through playwright-core (no
// browser download), signing in by pasting a token, screenshots into docs/images/.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const url = process.env.CONSOLE_URL ?? 'http://127.0.0.1:8080';
const images = process.env.CONSOLE_SCREENSHOTS ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'images');

/** Reads a required environment variable. */
export function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run console-tests/run.sh)`);
  return value;
}

/** Launches Chromium; the caller closes it. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Opens the console in a new page, records console errors (CSP violations among them) and every
 * request's URL, and signs in with the token. Returns {page, problems, urls}.
 */
export async function signIn(browser, token) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${url}/console/`);
  await page.fill('#token', token);
  await page.click('#sign-in button[type=submit]');
  await page.waitForSelector('#identity');
  return { page, problems, urls };
}

/** Saves a full-page screenshot as docs/images/NAME.png. */
export async function screenshot(page, name) {
  mkdirSync(images, { recursive: true });
  await page.screenshot({ path: join(images, `${name}.png`), fullPage: true });
}
