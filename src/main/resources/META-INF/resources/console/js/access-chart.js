// A chart of accesses per organisation per UTC day, computed from loaded audit entries, drawn
// with the vendored uPlot WebJar.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { el } from './dom.js';

const COLOURS = ['#1864ab', '#c92a2a', '#2b8a3e', '#e67700', '#5f3dc4', '#0b7285', '#862e9c', '#495057'];
const DAY = 86400;

/** Counts entries by organisation and day: {days: [epoch s], series: [{name, counts}]}. */
export function countAccesses(rows) {
  const byOrg = new Map();
  const days = new Set();
  for (const row of rows) {
    const t = Date.parse(row.time);
    if (Number.isNaN(t)) continue;
    const day = Math.floor(t / 1000 / DAY) * DAY;
    days.add(day);
    const counts = byOrg.get(row.organisation) ?? new Map();
    counts.set(day, (counts.get(day) ?? 0) + 1);
    byOrg.set(row.organisation, counts);
  }
  // Every day from the one before the first to the one after the last, so that a single day still
  // gets an axis of days and gaps show as zero.
  const sortedDays = [];
  if (days.size > 0) {
    const last = Math.max(...days) + DAY;
    for (let d = Math.max(Math.min(...days) - DAY, last - 400 * DAY); d <= last; d += DAY) sortedDays.push(d);
  }
  const series = [...byOrg.entries()]
    .map(([name, counts]) => ({ name, counts: sortedDays.map((d) => counts.get(d) ?? 0) }))
    .sort((a, b) => b.counts.reduce((x, y) => x + y, 0) - a.counts.reduce((x, y) => x + y, 0))
    .slice(0, COLOURS.length);
  return { days: sortedDays, series };
}

/** Draws the chart into a new element, with a text summary beside it. */
export function accessChart(rows, width) {
  const { days, series } = countAccesses(rows);
  const box = el('div', { id: 'access-chart' });
  if (days.length === 0) return el('p', { className: 'hint', text: 'No entries loaded.' });
  const opts = {
    width, height: 260,
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    series: [{}, ...series.map((s, i) => ({
      label: s.name, stroke: COLOURS[i], width: 2, points: { show: true, size: 7 },
      paths: uPlot.paths.bars({ size: [0.6, 60] }), fill: `${COLOURS[i]}33`,
    }))],
    axes: [{}, { label: 'entries' }],
  };
  new uPlot(opts, [days, ...series.map((s) => s.counts)], box);
  const summary = el('p', { className: 'hint', id: 'access-summary', text:
    series.map((s) => `${s.name}: ${s.counts.reduce((x, y) => x + y, 0)}`).join(' · ') });
  return el('div', {}, box, summary);
}
