// The steward's page: the queues of projects and queries awaiting a decision, each approved or
// rejected with a reason; every dataset's versions and their status; a provider's verification keys.
import { getJson, postJson } from '../api.js';
import { datasetVersionsSection } from '../dataset-versions.js';
import { el, errorBox, replace, table } from '../dom.js';
import { providerKeysSection } from '../provider-keys.js';

function decision(path, reload, message) {
  const reason = el('input', { size: 24, placeholder: 'reason (recorded)', className: 'reason' });
  const decide = async (outcome) => {
    try {
      await postJson(path, { outcome, reason: reason.value.trim() || `${outcome}d in the console` });
      replace(message, el('p', { className: 'hint', text: `${outcome === 'approve' ? 'Approved' : 'Rejected'}.` }));
    } catch (e) {
      replace(message, errorBox(e));
    }
    reload();
  };
  return el('div', { className: 'row' }, reason,
    el('button', { type: 'button', className: 'approve', text: 'Approve', onClick: () => decide('approve') }),
    el('button', { type: 'button', className: 'reject', text: 'Reject', onClick: () => decide('reject') }));
}

export function stewardPage(main) {
  const projects = el('div', { id: 'pending-projects' });
  const queries = el('div', { id: 'pending-queries' });
  const message = el('div');

  async function load() {
    try {
      const list = await getJson('/v1/projects?status=pending');
      replace(projects, list.length === 0 ? el('p', { className: 'hint', text: 'No project awaits a decision.' }) : table([
        { label: 'title', value: (p) => p.title },
        { label: 'researcher', value: (p) => [p.researcher, p.organisation].filter(Boolean).join(' · ') },
        { label: 'purpose', value: (p) => p.purpose },
        { label: 'template', value: (p) => p.template },
        { label: 'datasets', value: (p) => p.datasets.join(', ') },
        { label: 'requested ε', value: (p) => (p.requestedBudget === null ? '—' : String(p.requestedBudget)) },
        { label: 'decision', value: (p) => decision(`/v1/projects/${encodeURIComponent(p.id)}/decision`, load, message) },
      ], list, (p) => ({ dataset: { project: p.id } })));
    } catch (e) {
      replace(projects, errorBox(e));
    }
    try {
      const list = await getJson('/v1/queries?status=pending');
      replace(queries, list.length === 0 ? el('p', { className: 'hint', text: 'No query awaits a decision.' }) : table([
        { label: 'SQL (passed the policy check)', value: (q) => el('code', { text: q.sql }) },
        { label: 'parameters', value: (q) => Object.keys(q.parameters ?? {}).map((n) => `:${n}`).join(' ') },
        { label: 'plan hash', value: (q) => el('span', { className: 'mono', text: `${q.planHash.substring(0, 16)}…` }) },
        { label: 'decision', value: (q) => decision(`/v1/queries/${encodeURIComponent(q.id)}/decision`, load, message) },
      ], list, (q) => ({ dataset: { query: q.id } })));
    } catch (e) {
      replace(queries, errorBox(e));
    }
  }

  main.append(
    el('section', {}, el('h2', { text: 'Projects awaiting a decision' }), projects),
    el('section', {}, el('h2', { text: 'Queries awaiting a decision' }), queries),
    message,
    datasetVersionsSection(),
    providerKeysSection());
  load();
}
