// Verifies an enclave attestation in the browser, as `safehouse provider attest` does: the
// platform's Ed25519 signature over the document under the pinned platform key, the approved
// measurement, the nonce just sent, and the debug flag.
// Document: str "safehouse/attestation/v1" ‖ str measurement ‖ str policyHash ‖ bytes hpke keyset ‖
// str signingKey ‖ str nonceHex ‖ i64 issuedAtMillis ‖ u8 debug (str = u16 n ‖ UTF-8,
// bytes = u32 n ‖ n bytes), big-endian.
import { equalBytes, fromBase64 } from './bytes.js';
import { verifyEd25519 } from './note.js';
import { ed25519PrimaryKey } from './tink-key.js';

const DOMAIN = 'safehouse/attestation/v1';

/** Decodes the canonical document; throws if malformed. */
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
  if (str() !== DOMAIN) throw new Error('not an attestation document');
  const measurement = str();
  const policyHash = str();
  need(4);
  const hpkeLength = view.getUint32(at);
  at += 4;
  need(hpkeLength);
  at += hpkeLength;
  const signingKey = str();
  const nonceHex = str();
  need(9);
  const issuedAtMillis = Number(view.getBigInt64(at));
  const debug = bytes[at + 8] !== 0;
  at += 9;
  if (at !== bytes.length) throw new Error('malformed attestation document');
  return { measurement, policyHash, signingKey, nonceHex, issuedAtMillis, debug };
}

/**
 * Checks a served attestation ({documentBase64, signatureBase64}) and returns the verified
 * document; throws an Error naming the first check that failed.
 */
export async function verifyAttestation(served, platformKeyText, measurement, nonceHex, allowDebug) {
  let platform;
  try {
    platform = ed25519PrimaryKey(platformKeyText.trim());
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
  const prefixed = signature.length === platform.prefix.length + 64
    && equalBytes(signature.subarray(0, platform.prefix.length), platform.prefix);
  if (!prefixed || !(await verifyEd25519(platform.raw, signature.subarray(platform.prefix.length), bytes))) {
    throw new Error('the platform signature does not verify under the pinned platform key');
  }
  if (document.debug && !allowDebug) throw new Error('the enclave runs in debug mode and debug is not allowed');
  if (document.measurement.toLowerCase() !== measurement.trim().toLowerCase()) {
    throw new Error('the enclave measurement is not the approved one');
  }
  if (document.nonceHex.toLowerCase() !== nonceHex) throw new Error('the attestation is not for this nonce');
  return document;
}
