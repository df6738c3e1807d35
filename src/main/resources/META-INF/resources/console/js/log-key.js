// The log key (the enclave's signing key: Ed25519 for the "intl" suite, SM2 for "sm") as the console
// obtains it: from the service's attestation for a fresh nonce. With a pinned platform key and an
// approved measurement the attestation is verified here, as `safehouse provider attest` does, and the
// suite is the attested document's; without them the key and suite are only shown (the suite as
// served), to be compared with a pinned key id.
import { getJson } from './api.js';
import { toHex, utf8 } from './bytes.js';
import { verifyAttestation } from './attestation.js';
import { sm2PublicKeyFromText } from './sm2.js';
import { sm3 } from './sm3.js';
import { suite } from './suite.js';
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
 * Reads a log key's text form under its suite: returns {raw, id}, raw being what note.js verifies
 * with (intl: 32 raw Ed25519 bytes of the Tink keyset; sm: the SM2 SPKI DER) and id the key id the
 * CLI prints (intl: as tink-key.js; sm: hex SM3 of the text's UTF-8). Throws if it is not such a key.
 */
export async function logKeyFromText(text, suiteName) {
  if (suite(suiteName).name === 'sm') {
    return { raw: sm2PublicKeyFromText(text).spki, id: toHex(sm3(utf8(text))) };
  }
  return { raw: rawEd25519Key(text), id: await keyId(text) };
}

/**
 * Fetches an attestation for a fresh nonce and returns the log key {suite, servedSuite, raw, id,
 * text, measurement, debug, attested: true | false (no pins), failure: why the attestation or the
 * key was refused, or null}. servedSuite is the served JSON's "suite" ("intl" when absent).
 */
export async function attestedLogKey() {
  const nonce = toHex(crypto.getRandomValues(new Uint8Array(32)));
  const served = await getJson(`/v1/enclave/attestation?nonce=${nonce}`);
  const pinned = pins();
  const servedSuite = served.suite ?? 'intl';
  let suiteName = servedSuite;
  let attested = false;
  let failure = null;
  let signingKey = served.signingKey;
  if (pinned.platformKey && pinned.measurement) {
    try {
      const document = await verifyAttestation(served, pinned.platformKey, pinned.measurement, nonce, pinned.allowDebug);
      signingKey = document.signingKey;
      suiteName = document.suite;
      attested = true;
    } catch (e) {
      failure = e.message;
    }
  } else if (served.nonce !== nonce) {
    failure = 'the attestation is not for this nonce';
  }
  let key = { raw: null, id: '' };
  try {
    key = await logKeyFromText(signingKey, suiteName);
  } catch (e) {
    failure ??= `the log key is not a ${suiteName} key: ${e.message}`;
  }
  return {
    suite: suiteName,
    servedSuite,
    raw: key.raw,
    id: key.id,
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
