// Verifies one audit entry's evidence in the browser, step by step: log key, (suite, shown only when
// the suites disagree), checkpoint signature, tree size, leaf hash, each inclusion path step, computed
// root against the signed root. The log key's suite (intl: SHA-256, Ed25519; sm: SM3, SM2) picks the
// algorithms; evidence of another suite than the log key's fails at the "suite" step.
import { equalBytes, fromBase64, toBase64 } from './bytes.js';
import { matchesPin } from './log-key.js';
import { inclusionRoot, leafHash } from './merkle.js';
import { openCheckpoint } from './note.js';
import { isSuite, suite, suiteMismatch } from './suite.js';

/**
 * Runs every check and returns {ok, failed, steps}; failed names the first failing step.
 * evidence: {key (from attestedLogKey), note, index, treeSize, leafHash (base64), path (base64[]),
 * entry (bytes|null), claimedSuite (the receipt's or proof's suite; null when it claims none)}.
 */
export async function verifyEvidence(evidence) {
  const steps = [];
  const step = (name, ok, ...lines) => steps.push({ name, ok, lines });
  const { key } = evidence;
  const keyStep = logKeyStep(key);
  step(keyStep.name, keyStep.ok, ...keyStep.lines);
  const mismatch = suiteMismatch(key.suite, key.servedSuite, evidence.claimedSuite ?? null);
  if (mismatch) {
    steps.push(mismatch);
    return verdict(steps);
  }
  const algorithms = suite(key.suite);
  if (!key.raw) {
    step('checkpoint signature', false, 'FAILED: there is no usable log key to check the signature with.');
    return verdict(steps);
  }

  let opened;
  try {
    opened = await openCheckpoint(evidence.note, key.raw, key.suite);
  } catch (e) {
    step('checkpoint signature', false, `The checkpoint is malformed: ${e.message}`);
    return verdict(steps);
  }
  const { checkpoint } = opened;
  step('checkpoint signature', opened.verified,
    `Checkpoint ${checkpoint.origin}, size ${checkpoint.size}, root ${checkpoint.rootBase64}`,
    `Note key hash ${opened.keyHash} (${noteKeyHashRule(key.suite)})`,
    opened.verified ? signatureVerifies(key.suite) : `FAILED: ${opened.reason}.`);

  step('tree size', evidence.treeSize === checkpoint.size,
    `Proof for tree size ${evidence.treeSize}; checkpoint size ${checkpoint.size}.`);

  let served;
  try {
    served = fromBase64(evidence.leafHash);
  } catch {
    step('leaf hash', false, 'The leaf hash is not base64.');
    return verdict(steps);
  }
  let leaf = served;
  if (evidence.entry) {
    leaf = await leafHash(evidence.entry, key.suite);
    const same = equalBytes(leaf, served);
    step('leaf hash', same,
      `${algorithms.hashName} leaf hash: ${algorithms.hashName}(0x00 ‖ entry bytes) = ${toBase64(leaf)}`,
      `Leaf hash in the log: ${evidence.leafHash}`,
      same ? 'They match.' : 'FAILED: the entry is not the one the log committed to.');
  } else {
    step('leaf hash', true, `${evidence.leafHash} (taken from the receipt; the entry itself is visible to auditors only)`);
  }

  let path;
  try {
    path = evidence.path.map(fromBase64);
  } catch {
    step('inclusion path', false, 'A path element is not base64.');
    return verdict(steps);
  }
  const walked = await inclusionRoot(evidence.index, checkpoint.size, leaf, path, key.suite);
  step('inclusion path', walked.error === null,
    `Leaf ${evidence.index} of ${checkpoint.size}, ${path.length} steps (${algorithms.hashName}(0x01 ‖ left ‖ right)):`,
    ...walked.steps.map((s, i) => `${i + 1}. sibling ${s.sibling} on the ${s.side} → ${s.result}`),
    walked.error ? `FAILED: ${walked.error}.` : null);
  if (walked.root) {
    const same = equalBytes(walked.root, checkpoint.root);
    step('root', same,
      `Computed root   ${toBase64(walked.root)}`,
      `Checkpoint root ${checkpoint.rootBase64}`,
      same ? 'They match.' : 'FAILED: computed root differs from the signed root.');
  }
  return verdict(steps);
}

/** The log key step: where the key came from, the attestation's verdict, the pinned key id. */
export function logKeyStep(key) {
  const pin = matchesPin(key);
  const signatureName = isSuite(key.suite) ? suite(key.suite).signatureName : 'unknown';
  let source;
  if (key.attested) {
    source = `Verified here: attestation for a fresh nonce (GET /v1/enclave/attestation), ${signatureName} platform signature under the pinned platform key, approved measurement ${key.measurement.substring(0, 16)}…${key.debug ? ', DEBUG enclave (allowed)' : ''}.`;
  } else if (key.failure) {
    source = `FAILED: ${key.failure}.`;
  } else {
    source = `Taken from the service's attestation (fresh nonce; measurement ${key.measurement.substring(0, 16)}…${key.debug ? ', DEBUG enclave' : ''}) WITHOUT checking it: pin the platform key and the approved measurement to verify it here.`;
  }
  const pinLine = pin === null
    ? 'No pinned key id: compare this key id with the one `safehouse audit verify` printed.'
    : pin ? 'Matches the pinned key id.' : 'Does NOT match the pinned key id.';
  return { name: 'log key', ok: !key.failure && pin !== false, lines: [`${signatureName} (suite ${key.suite}) key id ${key.id}`, source, pinLine] };
}

/** How the suite's note key hash is made, for display. */
export function noteKeyHashRule(suiteName) {
  return suiteName === 'sm' ? 'SM3 of name, 0x0A, 0xFF "safehouse/sm2-sm3", SPKI DER' : 'SHA-256 of name, 0x0A, 0x01, key';
}

/** The line saying the suite's checkpoint signature verifies, naming the algorithm. */
export function signatureVerifies(suiteName) {
  return suiteName === 'sm' ? 'SM2 signature verifies (SM3, user id 1234567812345678).' : 'Ed25519 signature verifies (WebCrypto).';
}

function verdict(steps) {
  steps.forEach((s) => (s.lines = s.lines.filter((l) => l !== null)));
  const failed = steps.find((s) => !s.ok);
  return { ok: !failed, failed: failed ? failed.name : null, steps };
}
