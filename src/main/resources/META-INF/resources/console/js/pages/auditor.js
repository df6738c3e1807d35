// The auditor's page: the log as a paged, filterable table; one click verifies an entry in the
// browser; consistency between an earlier checkpoint and the latest; accesses per organisation
// and day.
import { accessChart } from '../access-chart.js';
import { describe, loadEntries, treeSize } from '../audit-entries.js';
import { consistencySection } from '../consistency-view.js';
import { el, errorBox, replace, table } from '../dom.js';
import { verifyEntry } from '../entry-verification.js';
import { pinsForm } from '../pins-form.js';
import { verificationView } from '../verification-view.js';

const COLUMNS = ['time', 'actor', 'action', 'purpose', 'target', 'decision'];

export function auditorPage(main) {
  const state = { size: 0, start: 0, pageSize: 50, rows: [] };
  const status = el('p', { className: 'hint', id: 'log-status' });
  const tableBox = el('div', { id: 'entries' });
  const verification = el('div', { id: 'verification' });
  const chart = el('div');
  const filter = el('input', { id: 'filter', type: 'search', placeholder: 'filter this page (any column)', size: 30,
    onInput: () => render() });
  const pageSize = el('select', { id: 'page-size', onChange: () => { state.pageSize = Number(pageSize.value); newest(); } },
    [50, 200, 1000].map((n) => el('option', { value: n, text: `${n} per page` })));

  function render() {
    const needle = filter.value.trim().toLowerCase();
    const shown = state.rows.filter((r) => !needle || COLUMNS.some((c) => r.text[c].toLowerCase().includes(needle)));
    status.textContent = `Entries ${state.start}–${state.start + state.rows.length - 1} of ${state.size}; ${shown.length} shown. Click an entry to verify it.`;
    replace(tableBox, table(
      [{ label: '#', value: (r) => String(r.index) }, ...COLUMNS.map((c) => ({
        label: c, value: (r) => (c === 'decision' && r.text.decision.startsWith('deny') ? el('span', { className: 'deny', text: r.text[c] }) : r.text[c]),
      }))],
      [...shown].reverse(),
      (r) => ({ className: 'clickable', dataset: { index: r.index }, tabindex: 0, onClick: (e) => verify(r, e.currentTarget) })));
    replace(chart, accessChart(shown.map((r) => r.text), Math.min(1100, main.clientWidth - 60)));
  }

  async function load(start) {
    try {
      state.size = state.size || (await treeSize());
      const page = await loadEntries(start, Math.min(state.size, start + state.pageSize));
      state.size = page.treeSize;
      state.start = start;
      state.rows = page.entries.map((e) => ({ ...e, text: describe(e) }));
      render();
    } catch (e) {
      replace(tableBox, errorBox(e));
    }
  }

  async function newest() {
    state.size = 0;
    try {
      state.size = await treeSize();
    } catch (e) {
      replace(tableBox, errorBox(e));
      return;
    }
    await load(Math.max(0, state.size - state.pageSize));
  }

  async function verify(row, tr) {
    tableBox.querySelectorAll('tr.selected').forEach((n) => n.classList.remove('selected'));
    tr.classList.add('selected');
    replace(verification, el('p', { className: 'hint', text: `Verifying entry ${row.index}…` }));
    try {
      replace(verification, verificationView(`Entry ${row.index}: ${row.text.action}`, await verifyEntry(row.index, row.bytes)));
    } catch (e) {
      replace(verification, errorBox(e));
    }
  }

  main.append(
    el('section', {}, el('h2', { text: 'Audit log' }),
      el('div', { className: 'row' },
        el('button', { type: 'button', id: 'newest', text: 'Newest', onClick: newest }),
        el('button', { type: 'button', id: 'older', text: '← Older', onClick: () => load(Math.max(0, state.start - state.pageSize)) }),
        el('button', { type: 'button', id: 'newer', text: 'Newer →', onClick: () => {
          if (state.start + state.pageSize < state.size) load(state.start + state.pageSize);
        } }),
        pageSize, filter),
      status, tableBox),
    el('section', {}, el('h2', { text: 'In-browser verification' }),
      pinsForm(),
      el('p', { className: 'hint', text: 'Attestation, checkpoint signature, leaf hash and inclusion path are checked here with the algorithms of the log crypto suite: intl (SHA-256, Ed25519 with WebCrypto) or sm (SM3, SM2 in plain JavaScript).' }),
      verification),
    consistencySection(),
    el('section', {}, el('h2', { text: 'Entries per organisation per day (loaded page, filter applied)' }), chart));
  newest();
}
