// A researcher opens a project, a steward approves it; a query that breaks the policy is marked at
// its positions; an allowed one is approved by the steward and run, withheld cells marked.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { env, launch, screenshot, signIn } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TITLE = `Console study ${Date.now()}`;

async function stewardApproves(selector, shot) {
  const { page } = await signIn(browser, env('CONSOLE_TOKEN_STEWARD'));
  assert.match(await page.textContent('#identity'), /steward/);
  await page.waitForSelector(selector);
  if (shot) await screenshot(page, shot);
  await page.fill(`${selector} input.reason`, 'fits the agreement');
  await page.click(`${selector} button.approve`);
  await page.waitForSelector(selector, { state: 'detached' });
  await page.context().close();
}

async function openProject(page) {
  await page.reload();
  const row = `#projects tr:has-text("${TITLE}")`;
  await page.click(row);
  await page.waitForSelector('#project h2');
}

test('researcher and steward: project, violations marked in the SQL, approvals, a run and its receipt', async () => {
  const { page, problems } = await signIn(browser, env('CONSOLE_TOKEN_RESEARCHER'));
  assert.match(await page.textContent('#identity'), /researcher/);
  await page.fill('#title', TITLE);
  await page.fill('#project-purpose', 'regional credit study');
  await page.selectOption('#template', 'exploratory');
  await page.click('#open-project');
  await page.waitForSelector('#created');

  await stewardApproves(`#pending-projects tr:has-text("${TITLE}")`, 'console-steward');

  await openProject(page);
  await page.fill('#sql', 'SELECT uscc, count(*)\nFROM fused GROUP BY uscc');
  await page.click('#submit-sql');
  await page.waitForSelector('#marked-sql mark');
  const marks = await page.$$eval('#marked-sql mark', (ms) => ms.map((m) => [m.dataset.rule, m.textContent]));
  assert.deepEqual(marks, [['identifier-column', 'uscc'], ['identifier-column', 'uscc']]);
  const positions = await page.$$eval('#sql-feedback tr.violation', (rs) => rs.map((r) => [...r.cells].slice(0, 3).map((c) => c.textContent)));
  assert.deepEqual(positions, [['identifier-column', '1', '8'], ['identifier-column', '2', '21']]);
  assert.match(await page.textContent('#sql-feedback .error'), /polic|denied/i);
  await screenshot(page, 'console-researcher-violations');

  await page.fill('#sql', 'SELECT industry, count(*) AS n FROM fused WHERE year_established >= :since GROUP BY industry');
  await page.click('#submit-sql');
  await page.waitForSelector('#submitted');
  await stewardApproves('#pending-queries tr:has-text("year_established >= :since")');

  await openProject(page);
  const run = '#queries tr[data-status="approved"] form.run';
  await page.fill(`${run} input[data-parameter="since"]`, '1990');
  await page.click(`${run} button`);
  await page.waitForSelector('#run-result table');
  assert.ok((await page.$$('#run-result tbody tr')).length >= 1);
  await page.click('#verify-run-receipt');
  await page.waitForSelector('#run-receipt-verification #verdict');
  assert.equal(await page.textContent('#run-receipt-verification #verdict'), 'Verified: every step passed.');
  await screenshot(page, 'console-researcher');
  assert.deepEqual(problems.filter((p) => !p.includes('status of 422')), []);
});

test('text from the service is shown as text: a project titled with HTML stays inert', async () => {
  const { page } = await signIn(browser, env('CONSOLE_TOKEN_RESEARCHER'));
  const title = `<img src=x onerror="window.pwned=1"><b>bold</b> ${Date.now()}`;
  await page.fill('#title', title);
  await page.fill('#project-purpose', 'escaping check');
  await page.click('#open-project');
  await page.waitForSelector('#created');
  await page.waitForSelector(`#projects td:text-is('${title.replace(/'/g, "\\'")}')`);
  assert.equal(await page.$('#projects img, #projects b'), null);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
});

test('steward: a provider\'s keys are listed, and a key is registered for a provider', async () => {
  const { page, problems } = await signIn(browser, env('CONSOLE_TOKEN_STEWARD'));
  await page.fill('#provider-id', 'rel-provider');
  await page.click('#list-keys');
  await page.waitForSelector('#provider-keys tbody tr');
  assert.match(await page.textContent('#provider-keys'), /rel-steward/);
  await page.fill('#provider-id', 'console-provider');
  await page.click('#list-keys');
  await page.waitForSelector('#provider-keys p');
  await page.fill('#provider-key', env('CONSOLE_PLATFORM_KEY'));
  await page.click('#register-key');
  await page.waitForSelector('#provider-keys tbody tr');
  assert.equal((await page.$$('#provider-keys tbody tr')).length, 1);
  assert.deepEqual(problems, []);
});
