// Shows a query-denied answer on the SQL: each violation's span (line, column, length, 1-based,
// UTF-16 units as JavaScript strings count them) is marked in the text and listed with its rule.
import { el, table } from './dom.js';

/** Returns the offset of (line, column) in text, or -1 if it is outside. */
function offsetOf(text, line, column) {
  let at = 0;
  for (let l = 1; l < line; l++) {
    at = text.indexOf('\n', at);
    if (at < 0) return -1;
    at++;
  }
  return at + column - 1 <= text.length ? at + column - 1 : -1;
}

/** A <pre> of the SQL with every violation's span in a <mark> (overlaps merged). */
export function markedSql(sql, violations) {
  const spans = violations
    .map((v) => ({ start: offsetOf(sql, v.line, v.column), length: Math.max(1, v.length), rule: v.rule }))
    .filter((s) => s.start >= 0)
    .sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const s of spans) {
    const start = Math.max(s.start, at);
    const end = Math.min(sql.length, s.start + s.length);
    if (end <= start) continue;
    parts.push(sql.substring(at, start));
    parts.push(el('mark', { title: s.rule, dataset: { rule: s.rule }, text: sql.substring(start, end) }));
    at = end;
  }
  parts.push(sql.substring(at));
  return el('pre', { className: 'sql', id: 'marked-sql' }, parts);
}

/** The violations as a table: rule, line, column, message. */
export function violationTable(violations) {
  return table([
    { label: 'rule', value: (v) => v.rule },
    { label: 'line', value: (v) => String(v.line) },
    { label: 'column', value: (v) => String(v.column) },
    { label: 'why', value: (v) => v.message },
  ], violations, () => ({ className: 'violation' }));
}
