// The institution looks up a score with the enterprise's consent, sees grade, reasons and receipt,
// and verifies the receipt in the browser; without a valid consent it sees the problem's title.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { env, launch, screenshot, signIn } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function lookUp(page, consent) {
  await page.fill('#uscc', env('CONSOLE_USCC'));
  await page.selectOption('#purpose', 'pre-loan');
  await page.fill('#consent', consent);
  await page.click('#look-up');
}

test('institution: a score with grade, label, reasons and a receipt that verifies in the browser', async () => {
  const { page, problems } = await signIn(browser, env('CONSOLE_TOKEN_INSTITUTION'));
  assert.match(await page.textContent('#identity'), /institution/);
  await lookUp(page, env('CONSOLE_CONSENT'));
  await page.waitForSelector('#score-result');
  assert.match(await page.textContent('#score'), /^\d{3}$/);
  assert.match(await page.textContent('#grade'), /^[A-E]/);
  assert.ok((await page.textContent('#grade-label')).length > 0);
  await page.click('#score-result summary');
  await page.fill('#platform-key', env('CONSOLE_PLATFORM_KEY'));
  await page.fill('#measurement', env('CONSOLE_MEASUREMENT'));
  await page.check('#allow-debug');
  await page.click('#pin');
  await page.click('#verify-receipt');
  await page.waitForSelector('#receipt-verification #verdict');
  assert.equal(await page.textContent('#receipt-verification #verdict'), 'Verified: every step passed.');
  assert.match(await page.textContent('#receipt-verification [data-step="log key"]'), /Verified here/);
  await screenshot(page, 'console-institution');
  assert.deepEqual(problems.filter((p) => !p.includes('status of 4')), []);
});

test('institution: without a live consent the problem title and detail are shown', async () => {
  const { page } = await signIn(browser, env('CONSOLE_TOKEN_INSTITUTION'));
  await lookUp(page, '00000000-0000-4000-8000-000000000000');
  await page.waitForSelector('.error');
  const text = await page.textContent('.error');
  assert.match(text, /consent/i);
  assert.doesNotMatch(text, /\{|"type"/, 'a problem is shown by its title and detail, never raw');
});
