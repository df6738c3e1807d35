// Verifies an enclave attestation in the browser, as `safehouse provider attest` does: the
// platform's signature over the document under the pinned platform key, the approved measurement,
// the nonce just sent, and the debug flag. Two suites:
// * intl: Tink Ed25519 (its 5-byte prefix, or none for RAW keys); the platform key is the Tink
//   public keyset text;
// * sm: DER SM2 with SM3 and the default user id; the platform key is base64 of its SPKI DER, or a
//   PUBLIC KEY PEM of it.
// Document v2: str "safehouse/attestation/v2" ‖ str suite ‖ str measurement ‖ str policyHash ‖
// bytes wrappingKey ‖ str signingKey ‖ str nonceHex ‖ i64 issuedAtMillis ‖ u8 debug
// (str = u16 n ‖ UTF-8, bytes = u32 n ‖ n bytes), big-endian. Guarantees: verifyAttestation returns
// a document only if its platform signature verifies under the pinned key of the document's suite.
import { equalBytes, fromBase64 } from './bytes.js';
import { verifyEd25519 } from './note.js';
import { sm2PublicKeyFromText, verifySm2 } from './sm2.js';
import { suite } from './suite.js';
import { ed25519PrimaryKey } from './tink-key.js';

const DOMAIN = 'safehouse/attestation/v2';

/** Decodes the canonical document; throws if malformed or of an unknown suite. */
export function decodeAttestation(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const need = (n) => {
    if (at + n > bytes.length) throw new Error('malformed attestation document');
  };
  const str = () => {
    need(2);
    const n = view.getUint16(at);
    at += 2;
    need(n);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at, at + n));
    at += n;
    return text;
  };
  if (str() !== DOMAIN) throw new Error('not an attestation document (v2)');
  const suiteName = suite(str()).name;
  const measurement = str();
  const policyHash = str();
  need(4);
  const wrappingKeyLength = view.getUint32(at);
  at += 4;
  need(wrappingKeyLength);
  const wrappingKey = bytes.slice(at, at + wrappingKeyLength);
  at += wrappingKeyLength;
  const signingKey = str();
  const nonceHex = str();
  need(9);
  const issuedAtMillis = Number(view.getBigInt64(at));
  const debug = bytes[at + 8] !== 0;
  at += 9;
  if (at !== bytes.length) throw new Error('malformed attestation document');
  return { suite: suiteName, measurement, policyHash, wrappingKey, signingKey, nonceHex, issuedAtMillis, debug };
}

/**
 * Reads a pinned platform key of either suite: a PUBLIC KEY PEM or base64 of an SPKI DER (a DER
 * SEQUENCE) is an SM2 key, anything else must be a Tink Ed25519 public keyset. Returns {suite,
 * verify(signature, bytes) → Promise<boolean>}; throws if the key is not usable.
 */
export function platformKey(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN') || fromBase64(trimmed)[0] === 0x30) {
    const key = sm2PublicKeyFromText(trimmed);
    return { suite: 'sm', verify: async (signature, bytes) => verifySm2(key, signature, bytes) };
  }
  const { raw, prefix } = ed25519PrimaryKey(trimmed);
  return {
    suite: 'intl',
    verify: async (signature, bytes) => signature.length === prefix.length + 64
      && equalBytes(signature.subarray(0, prefix.length), prefix)
      && verifyEd25519(raw, signature.subarray(prefix.length), bytes),
  };
}

/**
 * Checks a served attestation ({documentBase64, signatureBase64}) and returns the verified
 * document; throws an Error naming the first check that failed.
 */
export async function verifyAttestation(served, platformKeyText, measurement, nonceHex, allowDebug) {
  let platform;
  try {
    platform = platformKey(platformKeyText);
  } catch (e) {
    throw new Error(`the pinned platform key is not usable: ${e.message}`);
  }
  let document;
  let bytes;
  let signature;
  try {
    bytes = fromBase64(served.documentBase64);
    signature = fromBase64(served.signatureBase64);
    document = decodeAttestation(bytes);
  } catch {
    throw new Error('the attestation is malformed');
  }
  if (document.suite !== platform.suite) {
    throw new Error(`the attestation is for suite ${document.suite} but the pinned platform key is for suite ${platform.suite} (${suite(platform.suite).signatureName})`);
  }
  if (!(await platform.verify(signature, bytes))) {
    throw new Error(`the platform signature does not verify under the pinned platform key (${suite(document.suite).signatureName})`);
  }
  if (document.debug && !allowDebug) throw new Error('the enclave runs in debug mode and debug is not allowed');
  if (document.measurement.toLowerCase() !== measurement.trim().toLowerCase()) {
    throw new Error('the enclave measurement is not the approved one');
  }
  if (document.nonceHex.toLowerCase() !== nonceHex) throw new Error('the attestation is not for this nonce');
  return document;
}
