// The auditor's trust anchors, kept in sessionStorage with the token: the pinned log key id, and
// the platform key and approved measurement with which the attestation is verified in the browser.
import { el } from './dom.js';
import { pins, savePins } from './log-key.js';

/** A form that saves the pins; verifications read them when they run. */
export function pinsForm() {
  const current = pins();
  const keyId = el('input', { id: 'pinned-key', size: 40, value: current.keyId ?? '',
    placeholder: 'log key id (16+ hex digits) from safehouse audit verify' });
  const platformKey = el('textarea', { id: 'platform-key', rows: 2, spellcheck: 'false',
    placeholder: 'platform verification key: Tink keyset text (intl) or SM2 public key, base64 SPKI or PEM (sm); dev: keys-dev/platform-signing.pub' });
  platformKey.value = current.platformKey ?? '';
  const measurement = el('input', { id: 'measurement', size: 66, value: current.measurement ?? '',
    placeholder: 'approved measurement (hex; ./safehouse measure)' });
  const allowDebug = el('input', { id: 'allow-debug', type: 'checkbox', checked: current.allowDebug === true });
  const saved = el('span', { className: 'hint' });
  const save = (event) => {
    event.preventDefault();
    savePins({ keyId: keyId.value.trim(), platformKey: platformKey.value.trim(),
      measurement: measurement.value.trim(), allowDebug: allowDebug.checked });
    saved.textContent = ' Saved for this tab.';
  };
  return el('form', { id: 'pins', onSubmit: save },
    el('label', { for: 'platform-key', text: 'Pinned platform key' }), platformKey,
    el('div', { className: 'row' },
      el('div', {}, el('label', { for: 'measurement', text: 'Approved measurement' }), measurement),
      el('label', {}, allowDebug, ' allow a debug / development enclave'),
      el('div', {}, el('label', { for: 'pinned-key', text: 'Pinned log key id (optional)' }), keyId),
      el('button', { type: 'submit', id: 'pin', text: 'Pin' }), saved));
}
