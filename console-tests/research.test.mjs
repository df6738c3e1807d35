// A researcher opens a project, a steward approves it; a query that breaks the policy is marked at
// its positions; an allowed one is approved by the steward and run, withheld cells marked. A
// differentially private project charts its budget over its runs. The steward sees every dataset
// version and its status.
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
  await page.waitForSelector('#dataset-versions table');
  if (shot) await screenshot(page, shot);
  await page.fill(`${selector} input.reason`, 'fits the agreement');
  await page.click(`${selector} button.approve`);
  await page.waitForSelector(selector, { state: 'detached' });
  await page.context().close();
}

async function openProject(page, title = TITLE) {
  await page.reload();
  const row = `#projects tr:has-text("${title}")`;
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
  assert.match(await page.textContent('#project'), /No differential-privacy budget/);
  assert.equal(await page.$('#budget-chart'), null);
  assert.deepEqual(problems.filter((p) => !p.includes('status of 422')), []);
});

test('researcher: a DP project charts the cumulative ε used over its runs against the budget', async () => {
  const title = `DP study ${Date.now()}`;
  const { page, problems } = await signIn(browser, env('CONSOLE_TOKEN_RESEARCHER'));
  await page.fill('#title', title);
  await page.fill('#project-purpose', 'private regional counts');
  await page.selectOption('#template', 'dp-open');
  await page.fill('#requested-budget', '2');
  await page.click('#open-project');
  await page.waitForSelector('#created');
  await stewardApproves(`#pending-projects tr:has-text("${title}")`);

  await openProject(page, title);
  await page.waitForSelector('#budget-chart[data-runs="0"] canvas');
  assert.match(await page.textContent('#budget-chart-summary'), /^0 runs this period: ε 0 used of 2, 2 remaining\.$/);
  await page.fill('#sql', 'SELECT industry, count(*) AS n FROM fused GROUP BY industry');
  await page.click('#submit-sql');
  await page.waitForSelector('#submitted');
  const run = '#queries tr[data-status="approved"] form.run button';
  await page.waitForSelector(run);
  await page.click(run);
  await page.waitForSelector('#budget-chart[data-runs="1"]');
  await page.click(run);
  await page.waitForSelector('#budget-chart[data-runs="2"]');
  // ε 0.25 a run: financial-credit's provider tightens dp-open's 0.5 (policies/disclosure/).
  const chart = await page.$eval('#budget-chart', (c) => ({ ...c.dataset }));
  assert.deepEqual(chart, { runs: '2', used: '0.5', budget: '2' });
  assert.ok(await page.$('#budget-chart .uplot canvas'));
  const legend = await page.$$eval('#budget-chart .u-legend .u-label', (ls) => ls.map((l) => l.textContent));
  assert.deepEqual(legend.slice(1), ['ε used', 'budget', 'remaining']);
  assert.match(await page.textContent('#budget-chart-summary'), /^2 runs this period: ε 0.5 used of 2, 1.5 remaining\.$/);
  assert.match(await page.textContent('#budget'), /ε 0.5 used of 2, 1.5 remaining/);
  await page.click('#verify-run-receipt');
  await page.waitForSelector('#run-receipt-verification #verdict');
  assert.equal(await page.textContent('#run-receipt-verification #verdict'), 'Verified: every step passed.');
  await screenshot(page, 'console-researcher');
  assert.deepEqual(problems, []);
});

test('steward: every dataset version is listed with its status marked', async () => {
  const { page, problems } = await signIn(browser, env('CONSOLE_TOKEN_STEWARD'));
  await page.waitForSelector('#dataset-versions tbody tr');
  const rows = await page.$$eval('#dataset-versions tbody tr', (rs) => rs.map((r) => ({
    dataset: r.dataset.dataset, status: r.dataset.status, provider: r.cells[2].textContent,
    marked: r.querySelector('.status')?.className, rows: r.cells[4].textContent })));
  for (const d of ['public-credit', 'market-credit', 'financial-credit']) {
    const row = rows.find((r) => r.dataset === d);
    assert.ok(row, `${d} is listed`);
    assert.equal(row.status, 'LOADED');
    assert.equal(row.provider, 'rel-provider');
    assert.equal(row.marked, 'status status-loaded');
    assert.match(row.rows, /^\d+$/);
  }
  // console-tests/run.sh commits an envelope that is not one: the enclave rejects it, with a reason.
  await page.waitForFunction(() => document.querySelector('#dataset-versions tr[data-dataset="console-rejected"][data-status="REJECTED"]')
    || (document.querySelector('#reload-datasets').click(), false), null, { polling: 500, timeout: 20000 });
  const rejected = await page.$eval('#dataset-versions tr[data-dataset="console-rejected"]', (r) => ({
    marked: r.querySelector('.status').className, reason: r.cells[6].textContent }));
  assert.equal(rejected.marked, 'status status-rejected');
  assert.notEqual(rejected.reason, '');
  assert.deepEqual(problems, []);
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
