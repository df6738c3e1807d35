// The enterprise grants a consent, sees it listed, revokes it, and reads its access history.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { env, launch, screenshot, signIn } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('enterprise: grant, list and revoke a consent; the access history shows the bank', async () => {
  const { page, problems } = await signIn(browser, env('CONSOLE_TOKEN_SUBJECT'));
  assert.match(await page.textContent('#identity'), /subject/);
  await page.waitForSelector('#accesses table');
  assert.match(await page.textContent('#accesses'), /score\.release/);
  assert.match(await page.textContent('#accesses'), /rel-bank/);

  await page.fill('#institution', 'console-bank');
  await page.click('#grant');
  await page.waitForSelector('#granted');
  const id = await page.textContent('#granted .mono');
  const row = `#consents tr[data-consent="${id}"]`;
  await page.waitForSelector(`${row}[data-status="live"]`);
  await screenshot(page, 'console-enterprise');
  await page.click(`${row} button.revoke`);
  await page.waitForSelector(`${row}[data-status="revoked"]`);
  assert.deepEqual(problems, []);
});

test('a token that is not a JWT is refused at sign-in and nothing is stored', async () => {
  const { page } = await signIn(browser, env('CONSOLE_TOKEN_SUBJECT'));
  await page.click('#sign-out');
  await page.fill('#token', 'not-a-token');
  await page.click('#sign-in button[type=submit]');
  await page.waitForSelector('.error');
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  assert.doesNotMatch(page.url(), /not-a-token|eyJ/);
});
