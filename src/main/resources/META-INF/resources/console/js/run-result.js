// A research run's answer: released rows with each withheld cell marked and why, the cells
// withheld whole, ε spent and remaining, and the receipt (verifiable in the browser).
import { el, errorBox, replace, table } from './dom.js';
import { verifyReceipt } from './entry-verification.js';
import { pinsForm } from './pins-form.js';
import { verificationView } from './verification-view.js';

function reasonFor(suppressed, dims, row, column) {
  const hit = suppressed.find((s) => s.column === column
    && Object.entries(s.cell ?? {}).every(([k, v]) => String(row[dims[k]]) === String(v)));
  return hit ? hit.rule : 'withheld';
}

/** Renders the released answer of POST /v1/queries/{id}/runs. */
export function runResult(released) {
  const run = released.result;
  const answer = run.result;
  const suppressed = Array.isArray(answer.suppressed) ? answer.suppressed : [];
  const dims = Object.fromEntries(answer.columns.map((c, i) => [c.name, i]).filter(([name]) =>
    answer.columns.find((c) => c.name === name).kind === 'dimension'));
  const columns = answer.columns.map((c, i) => ({
    label: c.name,
    value: (row) => (row[i] === null
      ? el('span', { className: 'suppressed', text: `suppressed (${reasonFor(suppressed, dims, row, c.name)})` })
      : String(row[i])),
  }));
  const whole = suppressed.filter((s) => !s.column);
  const check = el('div', { id: 'run-receipt-verification' });
  const verify = async () => {
    try {
      replace(check, verificationView('Receipt of this run', await verifyReceipt(released.receipt)));
    } catch (e) {
      replace(check, errorBox(e));
    }
  };
  return el('div', { id: 'run-result' },
    el('p', { className: 'hint', text: `Run ${run.runId} · ε spent ${run.epsilonSpent}${run.epsilonRemaining === null || run.epsilonRemaining === undefined ? '' : ` · ε remaining ${run.epsilonRemaining}`} · k = ${answer.rules?.k ?? '?'}${answer.rules?.differentialPrivacy ? ' · differential privacy' : ''}` }),
    table(columns, answer.rows),
    whole.length ? el('div', {}, el('h3', { text: `Cells withheld whole (${whole.length})` }),
      el('ul', { id: 'withheld' }, whole.map((s) => el('li', { text: `${Object.entries(s.cell ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')}: ${s.rule}` })))) : null,
    el('details', {}, el('summary', { text: 'Trust anchors (verify the attestation here)' }), pinsForm()),
    el('button', { type: 'button', id: 'verify-run-receipt', text: 'Verify the receipt in the browser', onClick: verify }),
    check);
}
