// The two crypto suites the service runs under, as the in-browser verifier needs them: "intl"
// (SHA-256, Ed25519 with Tink keys) and "sm" (SM3, SM2 on sm2p256v1). Guarantees: suite(name)
// returns the description of a known suite and throws for any other name, so no verification
// silently falls back to another suite's algorithms.
import { sha256 } from './bytes.js';
import { sm3Async } from './sm3.js';

const SUITES = {
  intl: { name: 'intl', hashName: 'SHA-256', signatureName: 'Ed25519', hash: sha256 },
  sm: { name: 'sm', hashName: 'SM3', signatureName: 'SM2', hash: sm3Async },
};

/** Whether name is a known suite. */
export function isSuite(name) {
  return Object.hasOwn(SUITES, name);
}

/** Returns {name, hashName, signatureName, hash (async bytes → 32 bytes)}; throws for an unknown suite. */
export function suite(name) {
  if (!isSuite(name)) throw new Error(`unknown crypto suite ${JSON.stringify(name)}`);
  return SUITES[name];
}

/** The suite a receipt claims: its "suite" field, "intl" when it has none (receipts made before suites). */
export function receiptSuite(receipt) {
  return receipt.suite ?? 'intl';
}

/**
 * Compares the suites of one verification: the log key's (from the attested document, or the served
 * attestation when unattested), the served attestation's, and the evidence's claim (null: none made).
 * Returns null when they agree, else the "suite" step that fails, naming each disagreement.
 */
export function suiteMismatch(keySuite, servedSuite, claimedSuite, claimant = 'receipt') {
  const lines = [];
  if (!isSuite(keySuite)) lines.push(`The log key's suite ${JSON.stringify(keySuite)} is not one this console knows (intl, sm).`);
  if (servedSuite !== keySuite) {
    lines.push(`The served attestation says suite ${servedSuite}, the attested document says ${keySuite}.`);
  }
  if (claimedSuite !== null && claimedSuite !== keySuite) {
    lines.push(`The ${claimant} is for suite ${claimedSuite}, the log key is for suite ${keySuite}.`);
  }
  if (lines.length === 0) return null;
  return { name: 'suite', ok: false, lines: [...lines, 'FAILED: evidence of one crypto suite is not verified under the other.'] };
}
