// The enterprise's page: its consents (grant, revoke, list) and who accessed its data (查询记录).
import { deleteJson, getJson, postJson } from '../api.js';
import { el, errorBox, replace, table } from '../dom.js';

const PURPOSES = ['pre-loan', 'in-loan', 'post-loan'];

export function subjectPage(main, claims) {
  const consents = el('div', { id: 'consents' });
  const accesses = el('div', { id: 'accesses' });
  const message = el('div');

  async function loadConsents() {
    try {
      const list = await getJson('/v1/consents');
      const items = Array.isArray(list) ? list : list.consents ?? [];
      replace(consents, items.length === 0 ? el('p', { className: 'hint', text: 'No consents yet.' }) : table([
        { label: 'institution', value: (c) => c.institution },
        { label: 'purposes', value: (c) => c.purposes.join(', ') },
        { label: 'valid until', value: (c) => c.validUntil },
        { label: 'status', value: (c) => c.status },
        { label: 'id', value: (c) => el('span', { className: 'mono', text: c.id }) },
        { label: '', value: (c) => (c.status === 'live'
          ? el('button', { type: 'button', className: 'revoke', text: 'Revoke', onClick: () => revoke(c.id) }) : '') },
      ], items, (c) => ({ dataset: { consent: c.id, status: c.status } })));
    } catch (e) {
      replace(consents, errorBox(e));
    }
  }

  async function loadAccesses() {
    try {
      const page = await getJson('/v1/subjects/me/accesses?limit=100');
      replace(accesses, page.accesses.length === 0 ? el('p', { className: 'hint', text: 'No accesses recorded.' }) : table([
        { label: 'time', value: (a) => a.time },
        { label: 'organisation', value: (a) => a.organisation ?? '' },
        { label: 'role', value: (a) => a.role },
        { label: 'action', value: (a) => a.action },
        { label: 'purpose', value: (a) => a.purpose ?? '' },
        { label: 'decision', value: (a) => a.decision },
        { label: 'log entry', value: (a) => String(a.index) },
      ], page.accesses));
    } catch (e) {
      replace(accesses, errorBox(e));
    }
  }

  async function revoke(id) {
    try {
      await deleteJson(`/v1/consents/${encodeURIComponent(id)}`);
      replace(message, el('p', { className: 'hint', text: `Consent ${id} revoked.` }));
    } catch (e) {
      replace(message, errorBox(e));
    }
    loadConsents();
  }

  const institution = el('input', { id: 'institution', size: 20, placeholder: 'e.g. abc-bank', required: true });
  const purposes = PURPOSES.map((p) => el('label', {}, el('input', { type: 'checkbox', value: p, checked: p === 'pre-loan' }), ` ${p}`));
  const days = el('input', { id: 'days', type: 'number', min: 1, max: 366, value: 30, size: 5 });
  const grant = async (event) => {
    event.preventDefault();
    const chosen = purposes.map((l) => l.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
    const validUntil = new Date(Date.now() + Number(days.value) * 86400000).toISOString().replace(/\.\d+Z$/, 'Z');
    try {
      const c = await postJson('/v1/consents', { institution: institution.value.trim(), purposes: chosen, validUntil });
      replace(message, el('p', { id: 'granted', text: `Consent granted: give ${c.institution} the id ` }, el('span', { className: 'mono', text: c.id })));
    } catch (e) {
      replace(message, errorBox(e));
    }
    loadConsents();
  };

  main.append(
    el('section', {}, el('h2', { text: `Consents of ${claims.uscc ?? 'this enterprise'}` }),
      el('form', { id: 'grant-form', className: 'row', onSubmit: grant },
        el('div', {}, el('label', { for: 'institution', text: 'Institution' }), institution),
        el('div', {}, el('span', { text: 'Purposes' }), el('div', {}, purposes)),
        el('div', {}, el('label', { for: 'days', text: 'Valid for (days)' }), days),
        el('button', { type: 'submit', id: 'grant', text: 'Grant' })),
      message, consents),
    el('section', {}, el('h2', { text: 'Access history (查询记录)' }), accesses));
  loadConsents();
  loadAccesses();
}
