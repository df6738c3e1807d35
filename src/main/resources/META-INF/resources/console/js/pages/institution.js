// The institution's page: score look-up with the enterprise's consent id; the result with its
// grade, reasons and audit receipt, whose inclusion proof can be verified here.
import { postJson } from '../api.js';
import { el, errorBox, replace, table } from '../dom.js';
import { verifyReceipt } from '../entry-verification.js';
import { pinsForm } from '../pins-form.js';
import { verificationView } from '../verification-view.js';

const PURPOSES = ['pre-loan', 'in-loan', 'post-loan'];

function scoreView(released) {
  const s = released.result;
  const receipt = released.receipt;
  const check = el('div', { id: 'receipt-verification' });
  const verify = async () => {
    replace(check, el('p', { className: 'hint', text: 'Verifying the receipt…' }));
    try {
      replace(check, verificationView(`Receipt: entry ${receipt.leafIndex} of ${receipt.treeSize}`, await verifyReceipt(receipt)));
    } catch (e) {
      replace(check, errorBox(e));
    }
  };
  const label = s.gradeLabel ?? {};
  return el('div', { id: 'score-result' },
    el('div', { className: 'row' },
      el('div', {}, el('span', { className: 'hint', text: 'score' }), el('span', { className: 'score', id: 'score', text: s.score })),
      el('div', {}, el('span', { className: 'hint', text: 'grade' }), el('span', { className: 'score', id: 'grade', text: s.grade })),
      el('div', {}, el('span', { className: 'hint', text: 'label' }), el('span', { id: 'grade-label', text: [label.zh, label.en].filter(Boolean).join(' · ') }))),
    el('h3', { text: 'Reason codes' }),
    Array.isArray(s.reasonCodes) && s.reasonCodes.length
      ? table([{ label: 'code', value: (r) => r.code }, { label: '说明', value: (r) => r.zh }, { label: 'reason', value: (r) => r.en }], s.reasonCodes)
      : el('p', { className: 'hint', id: 'no-reasons', text: 'None: no factor lowered this score.' }),
    el('p', { className: 'hint', text: `Score id ${s.id} · model ${String(s.modelVersion ?? '').substring(0, 16)}… · signed by the enclave` }),
    el('h3', { text: 'Audit receipt' }),
    el('p', { className: 'mono', text: `leaf ${receipt.leafIndex} of ${receipt.treeSize} · leaf hash ${receipt.leafHash}` }),
    el('details', {}, el('summary', { text: 'Trust anchors (verify the attestation here)' }), pinsForm()),
    el('button', { type: 'button', id: 'verify-receipt', text: 'Verify the receipt in the browser', onClick: verify }),
    check);
}

export function institutionPage(main) {
  const uscc = el('input', { id: 'uscc', size: 22, maxlength: 18, placeholder: '18-character USCC', required: true });
  const purpose = el('select', { id: 'purpose' }, PURPOSES.map((p) => el('option', { value: p, text: p })));
  const consent = el('input', { id: 'consent', size: 38, placeholder: 'consent id (from the enterprise)', required: true });
  const result = el('div');
  const submit = async (event) => {
    event.preventDefault();
    replace(result, el('p', { className: 'hint', text: 'Asking…' }));
    try {
      const released = await postJson('/v1/scores', { uscc: uscc.value.trim(), purpose: purpose.value, consentId: consent.value.trim() });
      replace(result, scoreView(released));
    } catch (e) {
      replace(result, errorBox(e));
    }
  };
  main.append(el('section', {}, el('h2', { text: 'Score look-up' }),
    el('form', { id: 'score-form', className: 'row', onSubmit: submit },
      el('div', {}, el('label', { for: 'uscc', text: 'Enterprise (USCC)' }), uscc),
      el('div', {}, el('label', { for: 'purpose', text: 'Purpose' }), purpose),
      el('div', {}, el('label', { for: 'consent', text: 'Consent id' }), consent),
      el('button', { type: 'submit', id: 'look-up', text: 'Look up' })),
    el('p', { className: 'hint', text: 'Needs the enterprise\'s live consent for this purpose; every look-up is audited and appears in the enterprise\'s access history.' }),
    result));
}
