// Consistency between an earlier checkpoint (the first one this tab saw, or one pasted from a
// receipt or an archive) and the latest: both signatures, then the RFC 9162 consistency proof, with
// the log key's suite's algorithms (intl: Ed25519, SHA-256; sm: SM2, SM3). A served attestation of
// another suite than the attested document's fails at the "suite" step.
import { getJson, getText } from './api.js';
import { fromBase64 } from './bytes.js';
import { el, errorBox, replace } from './dom.js';
import { logKeyStep, signatureVerifies } from './evidence.js';
import { attestedLogKey } from './log-key.js';
import { verifyConsistency } from './merkle.js';
import { openCheckpoint } from './note.js';
import { suite, suiteMismatch } from './suite.js';
import { verificationView } from './verification-view.js';

const FIRST = 'safehouse.firstCheckpoint';

async function check(earlierNote) {
  const key = await attestedLogKey();
  const latestNote = await getText('/v1/audit/checkpoint');
  const steps = [logKeyStep(key)];
  const mismatch = suiteMismatch(key.suite, key.servedSuite, null);
  if (mismatch) {
    steps.push(mismatch);
    return { ok: false, failed: steps.find((s) => !s.ok).name, steps };
  }
  const opened = [];
  for (const [name, note] of [['earlier checkpoint', earlierNote], ['latest checkpoint', latestNote]]) {
    try {
      if (!key.raw) throw new Error('there is no usable log key');
      const o = await openCheckpoint(note, key.raw, key.suite);
      steps.push({ name, ok: o.verified, lines: [`size ${o.checkpoint.size}, root ${o.checkpoint.rootBase64}`,
        o.verified ? signatureVerifies(key.suite) : `FAILED: ${o.reason}.`] });
      opened.push(o.checkpoint);
    } catch (e) {
      steps.push({ name, ok: false, lines: [`The checkpoint is malformed: ${e.message}`] });
    }
  }
  if (opened.length === 2 && steps.every((s) => s.ok)) {
    const [a, b] = opened;
    if (a.size > b.size) {
      steps.push({ name: 'consistency', ok: false, lines: [`The log shrank from ${a.size} to ${b.size}: truncation or fork.`] });
    } else {
      const proof = a.size === b.size ? { proof: [] }
        : await getJson(`/v1/audit/proofs/consistency?first=${a.size}&second=${b.size}`);
      const result = await verifyConsistency(a.size, b.size, a.root, b.root, proof.proof.map(fromBase64), key.suite);
      steps.push({ name: 'consistency', ok: result.ok, lines: [`From size ${a.size} to ${b.size}, ${proof.proof.length} ${suite(key.suite).hashName} proof hashes.`,
        result.ok ? 'The latest log extends the earlier one: nothing was rewritten.' : `FAILED: ${result.error}.`] });
    }
  }
  const failed = steps.find((s) => !s.ok);
  return { ok: !failed, failed: failed?.name ?? null, steps };
}

/** The section: earlier checkpoint text, a button, and the result. */
export function consistencySection() {
  const earlier = el('textarea', { id: 'earlier-checkpoint', rows: 5, spellcheck: 'false' });
  const result = el('div', { id: 'consistency' });
  const stored = sessionStorage.getItem(FIRST);
  if (stored) earlier.value = stored;
  else {
    getText('/v1/audit/checkpoint').then((note) => {
      sessionStorage.setItem(FIRST, note);
      if (!earlier.value) earlier.value = note;
    }).catch((e) => replace(result, errorBox(e)));
  }
  const run = async () => {
    replace(result, el('p', { className: 'hint', text: 'Checking…' }));
    try {
      replace(result, verificationView('Consistency with the latest checkpoint', await check(earlier.value)));
    } catch (e) {
      replace(result, errorBox(e));
    }
  };
  return el('section', {}, el('h2', { text: 'Consistency between two checkpoints' }),
    el('label', { for: 'earlier-checkpoint', text: 'Earlier checkpoint (the first this tab saw; or paste one from a receipt)' }),
    earlier,
    el('button', { type: 'button', id: 'check-consistency', text: 'Check against the latest', onClick: run }),
    result);
}
