// A project's privacy budget over the current period's runs: the cumulative ε used after each
// run against the budget line, and what remains, drawn with the vendored uPlot WebJar.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { el } from './dom.js';

/** Rounds away binary noise from sums of decimal ε (the service keeps at most 6 decimals). */
const round = (x) => Math.round(x * 1e6) / 1e6;

/**
 * The runs of the current period (created at or after periodStart), oldest first, with the ε used
 * after each: {runs, used: [0, after run 1, ...], total}. runs come newest first, as served.
 */
export function cumulativeUse(runs, periodStart) {
  const start = periodStart ? Date.parse(periodStart) : Number.NEGATIVE_INFINITY;
  const inPeriod = runs.filter((r) => Date.parse(r.createdAt) >= start)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const used = [0];
  for (const r of inPeriod) used.push(round(used[used.length - 1] + Number(r.epsilon)));
  return { runs: inPeriod, used, total: used[used.length - 1] };
}

/** Draws the chart for a project with a budget, given its runs (newest first), into a new element. */
export function budgetChart(project, runs, width = 560) {
  const budget = Number(project.epsilonBudget);
  const { runs: inPeriod, used, total } = cumulativeUse(runs, project.periodStart);
  const xs = used.map((_, i) => i);
  const box = el('div', { id: 'budget-chart', dataset: { runs: String(inPeriod.length), used: String(total), budget: String(budget) } });
  const opts = {
    width, height: 220,
    scales: { x: { time: false }, y: { range: (u, min, max) => [0, Math.max(budget, max) * 1.1 || 1] } },
    series: [
      { label: 'run' },
      { label: 'ε used', stroke: '#c92a2a', width: 2, fill: '#c92a2a33', points: { show: true, size: 7 } },
      { label: 'budget', stroke: '#1d232a', width: 1, dash: [6, 4], points: { show: false } },
      { label: 'remaining', stroke: '#2b8a3e', width: 2, points: { show: false } },
    ],
    axes: [{ label: 'runs this period', incrs: [1, 2, 5, 10, 20, 50, 100] }, { label: 'ε' }],
  };
  new uPlot(opts, [xs, used, xs.map(() => budget), used.map((u) => round(Math.max(0, budget - u)))], box);
  const summary = el('p', { className: 'hint', id: 'budget-chart-summary',
    text: `${inPeriod.length} run${inPeriod.length === 1 ? '' : 's'} this period: ε ${total} used of ${budget}, ${round(Math.max(0, budget - total))} remaining.` });
  return el('div', {}, box, summary);
}
