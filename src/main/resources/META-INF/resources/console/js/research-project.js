// One project as its researcher works on it: budget used / remaining (a meter and a chart of the
// period's runs), a SQL editor whose refusals are marked at their positions, the project's
// queries, and runs with their parameters.
import { ApiError, getJson, postJson } from './api.js';
import { budgetChart } from './budget-chart.js';
import { el, errorBox, replace, table } from './dom.js';
import { runResult } from './run-result.js';
import { markedSql, violationTable } from './sql-marks.js';

const hasBudget = (project) => project.epsilonBudget !== null && project.epsilonBudget !== undefined;

function budget(project) {
  if (!hasBudget(project)) {
    return el('p', { className: 'hint', text: 'No differential-privacy budget (template without DP).' });
  }
  const spent = Number(project.epsilonSpent);
  const total = Number(project.epsilonBudget);
  return el('div', { id: 'budget' },
    el('label', { for: 'budget-meter', text: `Budget: ε ${spent} used of ${total}, ${Math.max(0, total - spent)} remaining (${project.budgetRefresh ?? 'no refresh'})` }),
    el('meter', { id: 'budget-meter', min: 0, max: total, value: spent, low: total * 0.5, high: total * 0.8, optimum: 0 }));
}

function parameterInputs(query) {
  return Object.entries(query.parameters ?? {}).map(([name, type]) => el('label', {}, `:${name} `,
    el('input', { size: 10, placeholder: String(type), dataset: { parameter: name, type: String(type) } })));
}

/** Values by name: numbers for integer and decimal parameters (as declared), text otherwise. */
function parameterValues(form) {
  const values = {};
  for (const input of form.querySelectorAll('input[data-parameter]')) {
    const raw = input.value.trim();
    const numeric = ['integer', 'decimal'].includes(input.dataset.type) && raw !== '' && !Number.isNaN(Number(raw));
    values[input.dataset.parameter] = numeric ? Number(raw) : raw;
  }
  return values;
}

/** Renders the project into box; afterRun (optional) is called once each run has been answered. */
export function projectView(box, project, afterRun = () => {}) {
  const editor = el('textarea', { id: 'sql', rows: 6, spellcheck: 'false',
    placeholder: 'SELECT industry, count(*) AS n FROM fused GROUP BY industry' });
  const feedback = el('div', { id: 'sql-feedback' });
  const queries = el('div', { id: 'queries' });
  const result = el('div');
  const budgetBox = el('div', { className: 'budget-row' });

  /** Shows the meter at once, then beside it the chart of this period's runs (newest 1000). */
  async function showBudget(current) {
    const meter = budget(current);
    replace(budgetBox, meter);
    if (!hasBudget(current) || current.status !== 'approved') return;
    try {
      const runs = await getJson(`/v1/projects/${encodeURIComponent(current.id)}/runs?limit=1000`);
      replace(budgetBox, meter, budgetChart(current, runs));
    } catch (e) {
      replace(budgetBox, meter, errorBox(e));
    }
  }

  async function loadQueries() {
    try {
      const list = await getJson(`/v1/projects/${encodeURIComponent(project.id)}/queries`);
      replace(queries, list.length === 0 ? el('p', { className: 'hint', text: 'No queries yet.' }) : table([
        { label: 'SQL', value: (q) => el('code', { text: q.sql }) },
        { label: 'status', value: (q) => q.status },
        { label: 'run', value: (q) => (q.status === 'approved' ? el('form', { className: 'run', onSubmit: (e) => run(e, q) },
          parameterInputs(q), el('button', { type: 'submit', text: 'Run' })) : '') },
      ], list, (q) => ({ dataset: { query: q.id, status: q.status } })));
    } catch (e) {
      replace(queries, errorBox(e));
    }
  }

  async function run(event, query) {
    event.preventDefault();
    replace(result, el('p', { className: 'hint', text: 'Running in the enclave…' }));
    try {
      replace(result, runResult(await postJson(`/v1/queries/${encodeURIComponent(query.id)}/runs`, { parameters: parameterValues(event.currentTarget) })));
    } catch (e) {
      replace(result, errorBox(e));
    }
    // A refused or failed run keeps its charge: the budget is shown afresh either way.
    try {
      await showBudget(await getJson(`/v1/projects/${encodeURIComponent(project.id)}`));
    } catch (e) {
      replace(budgetBox, errorBox(e));
    }
    afterRun();
  }

  async function submit(event) {
    event.preventDefault();
    const sql = editor.value;
    try {
      const q = await postJson(`/v1/projects/${encodeURIComponent(project.id)}/queries`, { sql });
      replace(feedback, el('p', { id: 'submitted', text: `Accepted by the policy check: query ${q.id}, status ${q.status}.` }));
      loadQueries();
    } catch (e) {
      const violations = e instanceof ApiError ? e.problem?.violations : null;
      replace(feedback, errorBox(e), Array.isArray(violations) ? [markedSql(sql, violations), violationTable(violations)] : null);
    }
  }

  replace(box,
    el('h2', { text: `${project.title} (${project.status})` }),
    el('p', { className: 'hint', text: `${project.purpose} · template ${project.template} · ${project.datasets.join(', ')}` }),
    budgetBox,
    project.status === 'approved' ? el('form', { id: 'sql-form', onSubmit: submit },
      el('label', { for: 'sql', text: 'SQL (checked against the policy at once)' }), editor,
      el('button', { type: 'submit', id: 'submit-sql', text: 'Check and submit' })) :
      el('p', { className: 'hint', text: 'Queries can be submitted once a steward approves the project.' }),
    feedback,
    el('h3', { text: 'Queries' }), queries, result);
  showBudget(project);
  loadQueries();
}
