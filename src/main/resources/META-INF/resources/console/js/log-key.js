// The log key (the enclave's Ed25519 signing key) as the console obtains it: from the service's
// attestation for a fresh nonce. The console does not verify the platform's signature over the
// attestation; it shows the key id so that the auditor compares it with the value pinned after
// `safehouse audit verify` (which does verify the attestation), and checks it when one is entered.
import { getJson } from './api.js';
import { toHex } from './bytes.js';
import { keyId, rawEd25519Key } from './tink-key.js';

const PINNED = 'safehouse.pinnedLogKey';
let cached = null;

/** Fetches an attestation for a fresh nonce and returns {raw, id, measurement, debug}. */
export async function attestedLogKey() {
  if (cached) return cached;
  const nonce = toHex(crypto.getRandomValues(new Uint8Array(32)));
  const attestation = await getJson(`/v1/enclave/attestation?nonce=${nonce}`);
  if (attestation.nonce !== nonce) throw new Error('the attestation does not echo this nonce');
  cached = {
    raw: rawEd25519Key(attestation.signingKey),
    id: await keyId(attestation.signingKey),
    text: attestation.signingKey,
    measurement: attestation.measurement,
    debug: attestation.debug,
  };
  return cached;
}

/** The pinned log key (key id hex prefix of at least 16 digits, or the key's text form), if any. */
export function pinnedLogKey() {
  return sessionStorage.getItem(PINNED) || '';
}

export function pinLogKey(value) {
  if (value) sessionStorage.setItem(PINNED, value.trim());
  else sessionStorage.removeItem(PINNED);
}

/** Whether the key matches the pinned value: null when nothing is pinned. */
export function matchesPin(key) {
  const pinned = pinnedLogKey();
  if (!pinned) return null;
  if (/^[0-9a-f]{16,64}$/i.test(pinned)) return key.id.startsWith(pinned.toLowerCase());
  return pinned === key.text;
}
