// The researcher's page: projects (open one, pick one), then the project's SQL editor, queries,
// runs and budget.
import { getJson, postJson } from '../api.js';
import { el, errorBox, replace, table } from '../dom.js';
import { projectView } from '../research-project.js';

const TEMPLATES = ['exploratory', 'dp-open', 'dp-gaussian'];
const DATASETS = ['public-credit', 'market-credit', 'financial-credit'];

export function researcherPage(main) {
  const list = el('div', { id: 'projects' });
  const detail = el('section', { id: 'project' }, el('p', { className: 'hint', text: 'Pick a project above.' }));
  const message = el('div');

  async function load() {
    try {
      const projects = await getJson('/v1/projects');
      replace(list, projects.length === 0 ? el('p', { className: 'hint', text: 'No projects yet.' }) : table([
        { label: 'title', value: (p) => p.title },
        { label: 'template', value: (p) => p.template },
        { label: 'status', value: (p) => p.status },
        { label: 'ε used / budget', value: (p) => (p.epsilonBudget === null ? '—' : `${p.epsilonSpent} / ${p.epsilonBudget}`) },
        { label: 'steward', value: (p) => [p.decidedBy, p.decisionReason].filter(Boolean).join(': ') },
      ], projects, (p) => ({ className: 'clickable', tabindex: 0, dataset: { project: p.id, status: p.status },
        onClick: () => projectView(detail, p, load) })));
    } catch (e) {
      replace(list, errorBox(e));
    }
  }

  const title = el('input', { id: 'title', size: 28, required: true });
  const purpose = el('input', { id: 'project-purpose', size: 28, required: true });
  const template = el('select', { id: 'template' }, TEMPLATES.map((t) => el('option', { value: t, text: t })));
  const budget = el('input', { id: 'requested-budget', type: 'number', min: 0, step: '0.1', size: 5, placeholder: 'ε (DP)' });
  const datasets = DATASETS.map((d) => el('label', {}, el('input', { type: 'checkbox', value: d, checked: true }), ` ${d}`));
  const create = async (event) => {
    event.preventDefault();
    const body = { title: title.value.trim(), purpose: purpose.value.trim(), template: template.value,
      datasets: datasets.map((l) => l.querySelector('input')).filter((i) => i.checked).map((i) => i.value) };
    if (budget.value) body.requestedBudget = Number(budget.value);
    try {
      const p = await postJson('/v1/projects', body);
      replace(message, el('p', { id: 'created', text: `Project opened, ${p.status}: a steward must approve it.` }));
    } catch (e) {
      replace(message, errorBox(e));
    }
    load();
  };

  main.append(
    el('section', {}, el('h2', { text: 'Projects' }), list,
      el('h3', { text: 'Open a project' }),
      el('form', { id: 'project-form', className: 'row', onSubmit: create },
        el('div', {}, el('label', { for: 'title', text: 'Title' }), title),
        el('div', {}, el('label', { for: 'project-purpose', text: 'Purpose' }), purpose),
        el('div', {}, el('label', { for: 'template', text: 'Template' }), template),
        el('div', {}, el('label', { for: 'requested-budget', text: 'Requested ε' }), budget),
        el('div', {}, el('span', { text: 'Datasets' }), el('div', {}, datasets)),
        el('button', { type: 'submit', id: 'open-project', text: 'Open' })),
      message),
    detail);
  load();
}
