// The console's step-by-step evidence check (evidence.js, as the browser runs it) on "sm" evidence
// made by the service's Java code (fixtures/sm.json: an SM3 tree and an SM2-signed checkpoint of
// it): it verifies with the same steps as intl, naming SM2 and SM3; a flipped entry byte fails at the
// leaf hash; a receipt (or one without "suite", taken as intl) or a served attestation of the other
// suite fails at the "suite" step.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { verifyEvidence } from '../src/main/resources/META-INF/resources/console/js/evidence.js';
import { logKeyFromText } from '../src/main/resources/META-INF/resources/console/js/log-key.js';
import { receiptSuite } from '../src/main/resources/META-INF/resources/console/js/suite.js';

const fixtures = JSON.parse(readFileSync(new URL('./fixtures/sm.json', import.meta.url)));
const { merkle, note } = fixtures;
const b64 = (h) => Buffer.from(h, 'hex').toString('base64');
const STEPS = ['log key', 'checkpoint signature', 'tree size', 'leaf hash', 'inclusion path', 'root'];

async function smKey(overrides = {}) {
  const { raw, id } = await logKeyFromText(note.publicKey, 'sm');
  return { suite: 'sm', servedSuite: 'sm', raw, id, text: note.publicKey, measurement: 'ab'.repeat(32), debug: false,
    attested: true, failure: null, ...overrides };
}

async function evidence(overrides = {}) {
  const proof = merkle.inclusion.find((p) => p.size === 13 && p.index === 6);
  return {
    key: await smKey(), note: note.note, index: 6, treeSize: 13, leafHash: b64(merkle.leafHashesHex[6]),
    path: proof.path.map(b64), entry: Uint8Array.from(Buffer.from(merkle.entriesHex[6], 'hex')), claimedSuite: 'sm',
    ...overrides,
  };
}

test('sm: the log key id is the hex SM3 of its text form, as the Java key id', async () => {
  const { attestation } = fixtures;
  const key = await logKeyFromText(attestation.signingKey, 'sm');
  assert.equal(key.id, attestation.signingKeyId);
  assert.deepEqual(key.raw, Uint8Array.from(Buffer.from(attestation.signingKey, 'base64')));
  await assert.rejects(logKeyFromText(attestation.signingKey, 'intl'));
  await assert.rejects(logKeyFromText(`${attestation.signingKey.slice(0, -4)}AAAA`, 'sm'));
});

test('sm: Java-made evidence verifies with the usual steps, naming SM2 and SM3', async () => {
  const result = await verifyEvidence(await evidence());
  assert.equal(result.ok, true, JSON.stringify(result.steps));
  assert.deepEqual(result.steps.map((s) => s.name), STEPS);
  const text = result.steps.flatMap((s) => s.lines).join('\n');
  assert.match(text, /SM2 signature verifies/);
  assert.match(text, /SM3 leaf hash/);
  assert.match(text, /SM2 \(suite sm\) key id/);
  const receipt = await verifyEvidence(await evidence({ entry: null }));
  assert.equal(receipt.ok, true);
});

test('sm: a flipped entry byte fails at the leaf hash; the same evidence under an intl key does not verify', async () => {
  const entry = Uint8Array.from(Buffer.from(merkle.entriesHex[6], 'hex'));
  entry[0] ^= 1;
  assert.equal((await verifyEvidence(await evidence({ entry }))).failed, 'leaf hash');
  const asIntl = await verifyEvidence(await evidence({ key: await smKey({ suite: 'intl', servedSuite: 'intl' }), claimedSuite: 'intl' }));
  assert.equal(asIntl.failed, 'checkpoint signature');
});

test('a receipt or served attestation of the other suite fails at the "suite" step', async () => {
  assert.equal(receiptSuite({}), 'intl');
  assert.equal(receiptSuite({ suite: 'sm' }), 'sm');
  for (const [what, overrides] of [
    ['intl receipt', { claimedSuite: 'intl' }],
    ['receipt without suite', { claimedSuite: receiptSuite({ leafIndex: 6 }) }],
    ['intl served attestation', { key: await smKey({ servedSuite: 'intl' }) }],
    ['unknown key suite', { key: await smKey({ suite: 'gm', servedSuite: 'gm' }) }],
  ]) {
    const result = await verifyEvidence(await evidence(overrides));
    assert.equal(result.failed, 'suite', what);
    assert.match(result.steps.at(-1).lines.join('\n'), /FAILED: evidence of one crypto suite/, what);
  }
  const unclaimed = await verifyEvidence(await evidence({ claimedSuite: null }));
  assert.equal(unclaimed.ok, true, 'a proof that claims no suite is checked under the log key suite');
});
