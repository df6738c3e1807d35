// The steward's view of one provider's verification keys: list them, register a new one (the
// text form that `safehouse provider keygen` prints).
import { getJson, postJson } from './api.js';
import { el, errorBox, replace, table } from './dom.js';

/** A section: provider id → its keys, and a form to register one. */
export function providerKeysSection() {
  const provider = el('input', { id: 'provider-id', size: 20, placeholder: 'e.g. gov-platform', required: true });
  const publicKey = el('textarea', { id: 'provider-key', rows: 2, spellcheck: 'false',
    placeholder: 'public key to register (text form, from safehouse provider keygen)' });
  const keys = el('div', { id: 'provider-keys' });
  const path = () => `/v1/providers/${encodeURIComponent(provider.value.trim())}/keys`;

  async function load() {
    try {
      const list = await getJson(path());
      replace(keys, list.length === 0 ? el('p', { className: 'hint', text: 'No keys registered for this provider.' }) : table([
        { label: 'key id', value: (k) => el('span', { className: 'mono', text: `${k.keyId.substring(0, 16)}…` }) },
        { label: 'registered by', value: (k) => k.registeredBy },
        { label: 'registered', value: (k) => k.registeredAt },
        { label: 'revoked', value: (k) => k.revokedAt ?? '' },
      ], list));
    } catch (e) {
      replace(keys, errorBox(e));
    }
  }

  async function register() {
    try {
      await postJson(path(), { publicKey: publicKey.value.trim() });
      publicKey.value = '';
    } catch (e) {
      replace(keys, errorBox(e));
      return;
    }
    load();
  }

  return el('section', {}, el('h2', { text: 'Providers and their keys' }),
    el('form', { id: 'provider-form', className: 'row', onSubmit: (e) => { e.preventDefault(); load(); } },
      el('div', {}, el('label', { for: 'provider-id', text: 'Provider' }), provider),
      el('button', { type: 'submit', id: 'list-keys', text: 'List keys' })),
    publicKey,
    el('button', { type: 'button', id: 'register-key', text: 'Register this key', onClick: register }),
    keys);
}
