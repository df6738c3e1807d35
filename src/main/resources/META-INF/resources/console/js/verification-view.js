// Renders a verification's steps and verdict; the first failing step is named in the verdict.
import { el } from './dom.js';

/** Returns a section listing each step (passed or failed) with its details. */
export function verificationView(title, result) {
  return el('div', { className: 'verification', dataset: { ok: String(result.ok) } },
    el('h3', { text: title }),
    el('div', { className: `verdict ${result.ok ? 'ok' : 'fail'}`, id: 'verdict',
      text: result.ok ? 'Verified: every step passed.' : `FAILED at step: ${result.failed}` }),
    el('ol', { className: 'steps' }, result.steps.map((s) =>
      el('li', { className: s.ok ? 'pass' : 'fail', dataset: { step: s.name } },
        el('span', { className: 'name', text: `${s.ok ? '✔' : '✘'} ${s.name}` }),
        el('pre', { text: s.lines.join('\n') })))));
}
