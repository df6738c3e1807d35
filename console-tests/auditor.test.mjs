// The auditor signs in, reads the log, verifies an entry in the browser, sees a tampered entry and
// a tampered proof fail at the step they break, checks consistency, and sees the chart.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { env, launch, screenshot, signIn, url } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openLog() {
  const session = await signIn(browser, env('CONSOLE_TOKEN_AUDITOR'));
  await session.page.waitForSelector('#entries tbody tr');
  return session;
}

async function pin(page, measurement) {
  await page.fill('#platform-key', env('CONSOLE_PLATFORM_KEY'));
  await page.fill('#measurement', measurement);
  await page.check('#allow-debug');
  await page.fill('#pinned-key', env('CONSOLE_LOG_KEY'));
  await page.click('#pin');
}

async function verifyRow(page, selector) {
  await page.click(selector);
  await page.waitForSelector('#verification #verdict');
  return page.textContent('#verification #verdict');
}

test('the console is served with a strict content security policy', async () => {
  const response = await fetch(`${url}/console/`);
  assert.equal(response.status, 200);
  const csp = response.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
});

test('auditor: the log is a table; an entry verifies in the browser, every step shown', async () => {
  const { page, problems, urls } = await openLog();
  assert.match(await page.textContent('#identity'), /auditor/);
  const headers = await page.$$eval('#entries th', (ths) => ths.map((t) => t.textContent));
  assert.deepEqual(headers, ['#', 'time', 'actor', 'action', 'purpose', 'target', 'decision']);
  await pin(page, env('CONSOLE_MEASUREMENT'));
  await page.fill('#filter', 'score.release');
  const rows = await page.$$('#entries tbody tr');
  assert.ok(rows.length >= 1, 'the score release is in the log');
  assert.equal(await verifyRow(page, '#entries tbody tr'), 'Verified: every step passed.');
  const steps = await page.$$eval('#verification li', (lis) => lis.map((li) => [li.dataset.step, li.className]));
  assert.deepEqual(steps.map((s) => s[0]), ['log key', 'checkpoint signature', 'tree size', 'leaf hash', 'inclusion path', 'root']);
  assert.ok(steps.every((s) => s[1] === 'pass'));
  const keyStep = await page.textContent('#verification [data-step="log key"]');
  assert.match(keyStep, /Verified here: attestation for a fresh nonce/);
  assert.match(keyStep, /Matches the pinned key id/);
  await page.fill('#filter', '');
  await page.waitForSelector('#access-chart canvas');
  await screenshot(page, 'console-auditor');
  assert.deepEqual(problems, []);
  assert.ok(urls.length > 5);
  assert.deepEqual(urls.filter((u) => u.includes('eyJ')), [], 'the token never appears in a URL');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
});

test('auditor: an entry with one byte flipped FAILS at the leaf hash step', async () => {
  const { page } = await signIn(browser, env('CONSOLE_TOKEN_AUDITOR'));
  await page.route('**/v1/audit/entries?*', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    for (const e of body.entries) {
      const bytes = Buffer.from(e.entry, 'base64');
      bytes[bytes.indexOf('"action"') + 11] ^= 0x01; // a letter of the action's value
      e.entry = bytes.toString('base64');
    }
    await route.fulfill({ response, json: body });
  });
  await page.reload();
  await page.waitForSelector('#entries tbody tr');
  assert.equal(await verifyRow(page, '#entries tbody tr'), 'FAILED at step: leaf hash');
  assert.equal(await page.getAttribute('#verification [data-step="leaf hash"]', 'class'), 'fail');
  assert.equal(await page.getAttribute('#verification [data-step="root"]', 'class'), 'fail');
  await screenshot(page, 'console-auditor-tampered');
});

test('auditor: an inclusion proof with one byte flipped FAILS at the root step', async () => {
  const { page } = await openLog();
  await page.route('**/v1/audit/proofs/inclusion?*', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    const hash = Buffer.from(body.proof[0], 'base64');
    hash[0] ^= 0x80;
    body.proof[0] = hash.toString('base64');
    await route.fulfill({ response, json: body });
  });
  assert.equal(await verifyRow(page, '#entries tbody tr'), 'FAILED at step: root');
  assert.equal(await page.getAttribute('#verification [data-step="leaf hash"]', 'class'), 'pass');
});

test('auditor: a checkpoint with a flipped signature FAILS at the signature step', async () => {
  const { page } = await openLog();
  await page.route('**/v1/audit/checkpoint', async (route) => {
    const response = await route.fetch();
    const note = await response.text();
    const at = note.lastIndexOf(' ') + 10;
    const flipped = note.substring(0, at) + (note[at] === 'A' ? 'B' : 'A') + note.substring(at + 1);
    await route.fulfill({ response, body: flipped });
  });
  assert.equal(await verifyRow(page, '#entries tbody tr'), 'FAILED at step: checkpoint signature');
});

test('auditor: the first checkpoint seen is consistent with the latest after the log grew', async () => {
  const { page } = await openLog();
  await page.waitForFunction(() => document.querySelector('#earlier-checkpoint').value.length > 0);
  // Grow the log: an auditor's own reads are audited too.
  const grown = await fetch(`${url}/v1/enclave/tables`, { headers: { Authorization: `Bearer ${env('CONSOLE_TOKEN_AUDITOR')}` } });
  assert.equal(grown.status, 200);
  await page.click('#check-consistency');
  await page.waitForSelector('#consistency #verdict');
  assert.equal(await page.textContent('#consistency #verdict'), 'Verified: every step passed.');
  assert.match(await page.textContent('#consistency [data-step="consistency"]'), /From size \d+ to \d+/);
});

test('auditor: an enclave whose measurement is not the approved one FAILS at the log key step', async () => {
  const { page } = await openLog();
  await pin(page, 'ab'.repeat(32));
  assert.equal(await verifyRow(page, '#entries tbody tr'), 'FAILED at step: log key');
  assert.match(await page.textContent('#verification [data-step="log key"]'), /measurement is not the approved one/);
});

test('auditor: an attestation with a flipped signature byte FAILS at the log key step', async () => {
  const { page } = await openLog();
  await pin(page, env('CONSOLE_MEASUREMENT'));
  await page.route('**/v1/enclave/attestation?*', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    const signature = Buffer.from(body.signatureBase64, 'base64');
    signature[20] ^= 0x04;
    body.signatureBase64 = signature.toString('base64');
    await route.fulfill({ response, json: body });
  });
  assert.equal(await verifyRow(page, '#entries tbody tr'), 'FAILED at step: log key');
  assert.match(await page.textContent('#verification [data-step="log key"]'), /platform signature does not verify/);
});
