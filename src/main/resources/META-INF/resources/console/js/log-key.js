// The log key (the enclave's Ed25519 signing key) as the console obtains it: from the service's
// attestation for a fresh nonce. With a pinned platform key and an approved measurement the
// attestation is verified here, as `safehouse provider attest` does; without them the key is only
// shown, to be compared with a pinned key id.
import { getJson } from './api.js';
import { toHex } from './bytes.js';
import { verifyAttestation } from './attestation.js';
import { keyId, rawEd25519Key } from './tink-key.js';

const PINS = 'safehouse.pins';

/** The auditor's pinned values: {keyId, platformKey, measurement, allowDebug}, all optional. */
export function pins() {
  try {
    return JSON.parse(sessionStorage.getItem(PINS)) ?? {};
  } catch {
    return {};
  }
}

export function savePins(values) {
  sessionStorage.setItem(PINS, JSON.stringify(values));
}

/**
 * Fetches an attestation for a fresh nonce and returns the log key {raw, id, text, measurement,
 * debug, attested: true | false (no pins) , failure: why the attestation was refused, or null}.
 */
export async function attestedLogKey() {
  const nonce = toHex(crypto.getRandomValues(new Uint8Array(32)));
  const served = await getJson(`/v1/enclave/attestation?nonce=${nonce}`);
  const pinned = pins();
  let attested = false;
  let failure = null;
  let signingKey = served.signingKey;
  if (pinned.platformKey && pinned.measurement) {
    try {
      signingKey = (await verifyAttestation(served, pinned.platformKey, pinned.measurement, nonce, pinned.allowDebug)).signingKey;
      attested = true;
    } catch (e) {
      failure = e.message;
    }
  } else if (served.nonce !== nonce) {
    failure = 'the attestation is not for this nonce';
  }
  return {
    raw: rawEd25519Key(signingKey),
    id: await keyId(signingKey),
    text: signingKey,
    measurement: served.measurement,
    debug: served.debug,
    attested,
    failure,
  };
}

/** Whether the key matches the pinned key id (16+ hex digits) or text form: null when none. */
export function matchesPin(key) {
  const pinned = (pins().keyId ?? '').trim();
  if (!pinned) return null;
  if (/^[0-9a-f]{16,64}$/i.test(pinned)) return key.id.startsWith(pinned.toLowerCase());
  return pinned === key.text;
}
