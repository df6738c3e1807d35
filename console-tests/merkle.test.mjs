// The console's Merkle verifier (merkle.js, as the browser runs it) against the repository's
// RFC 9162 vectors: every inclusion and consistency proof of trees of 1..64 leaves verifies, and
// each with one flipped bit, or a wrong index, does not. For the "sm" suite, an SM3 tree built by the
// service's Java MerkleProofs (fixtures/sm.json): its leaf hashes, inclusion and consistency proofs
// verify under SM3, not under SHA-256, and not with a flipped bit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { inclusionRoot, leafHash, verifyConsistency } from '../src/main/resources/META-INF/resources/console/js/merkle.js';

const vectors = JSON.parse(readFileSync(new URL('../src/test/resources/vectors/merkle/safehouse_1_to_64.json', import.meta.url)));
const hex = (h) => Uint8Array.from(Buffer.from(h, 'hex'));
const subtree = Object.fromEntries(Object.entries(vectors.subtree_hashes).map(([k, v]) => [k, hex(v)]));
const root = (size) => hex(vectors.roots_by_size[size]);
const flip = (path, i) => path.map((p, j) => (j === i ? Uint8Array.from(p, (b, k) => (k === 0 ? b ^ 1 : b)) : p));

test('every inclusion proof of the vectors verifies; a flipped bit or a wrong index does not', async () => {
  for (const [index, size, names] of vectors.inclusion) {
    const path = names.map((n) => subtree[n]);
    const leaf = hex(vectors.leaf_hashes[index]);
    const ok = await inclusionRoot(index, size, leaf, path);
    assert.deepEqual(ok.root, root(size), `inclusion ${index} in ${size}`);
    for (let i = 0; i < path.length; i++) {
      const bad = await inclusionRoot(index, size, leaf, flip(path, i));
      assert.notDeepEqual(bad.root, root(size), `flipped step ${i} of inclusion ${index} in ${size}`);
    }
    if (size > 1) {
      const other = await inclusionRoot((index + 1) % size, size, leaf, path);
      assert.notDeepEqual(other.root, root(size), `wrong index for ${index} in ${size}`);
    }
  }
});

test('every consistency proof of the vectors verifies; a flipped bit or swapped roots do not', async () => {
  for (const [first, second, names] of vectors.consistency) {
    const path = names.map((n) => subtree[n]);
    const ok = await verifyConsistency(first, second, root(first), root(second), path);
    assert.equal(ok.ok, true, `consistency ${first} → ${second}: ${ok.error}`);
    for (let i = 0; i < path.length; i++) {
      const bad = await verifyConsistency(first, second, root(first), root(second), flip(path, i));
      assert.equal(bad.ok, false, `flipped step ${i} of ${first} → ${second}`);
    }
    if (first !== second) {
      const swapped = await verifyConsistency(first, second, root(second), root(first), path);
      assert.equal(swapped.ok, false, `swapped roots ${first} → ${second}`);
    }
  }
});

const sm = JSON.parse(readFileSync(new URL('./fixtures/sm.json', import.meta.url))).merkle;
const smRoot = (size) => hex(sm.rootsHex[size - 1]);

test('sm: SM3 leaf hashes of the entries are the Java ones; SHA-256 ones and a flipped entry bit are not', async () => {
  for (const [i, entryHex] of sm.entriesHex.entries()) {
    assert.deepEqual(await leafHash(hex(entryHex), 'sm'), hex(sm.leafHashesHex[i]), `leaf ${i}`);
    assert.notDeepEqual(await leafHash(hex(entryHex), 'intl'), hex(sm.leafHashesHex[i]), `SHA-256 leaf ${i}`);
    assert.notDeepEqual(await leafHash(flip([hex(entryHex)], 0)[0], 'sm'), hex(sm.leafHashesHex[i]), `flipped entry ${i}`);
  }
});

test('sm: the Java inclusion proofs lead to the SM3 roots; not under SHA-256, a flipped bit or a wrong index', async () => {
  for (const { index, size, path: pathHex } of sm.inclusion) {
    const path = pathHex.map(hex);
    const leaf = hex(sm.leafHashesHex[index]);
    const ok = await inclusionRoot(index, size, leaf, path, 'sm');
    assert.deepEqual(ok.root, smRoot(size), `inclusion ${index} in ${size}: ${ok.error}`);
    if (path.length > 0) {
      assert.notDeepEqual((await inclusionRoot(index, size, leaf, path, 'intl')).root, smRoot(size), `SHA-256 ${index} in ${size}`);
    }
    for (let i = 0; i < path.length; i++) {
      const bad = await inclusionRoot(index, size, leaf, flip(path, i), 'sm');
      assert.notDeepEqual(bad.root, smRoot(size), `flipped step ${i} of inclusion ${index} in ${size}`);
    }
    if (size > 1) {
      const other = await inclusionRoot((index + 1) % size, size, leaf, path, 'sm');
      assert.notDeepEqual(other.root, smRoot(size), `wrong index for ${index} in ${size}`);
    }
  }
});

test('sm: the Java consistency proofs verify under SM3; not under SHA-256, a flipped bit or swapped roots', async () => {
  for (const { first, second, proof } of sm.consistency) {
    const path = proof.map(hex);
    const ok = await verifyConsistency(first, second, smRoot(first), smRoot(second), path, 'sm');
    assert.equal(ok.ok, true, `consistency ${first} → ${second}: ${ok.error}`);
    if (first !== second) {
      assert.equal((await verifyConsistency(first, second, smRoot(first), smRoot(second), path, 'intl')).ok, false, `SHA-256 ${first} → ${second}`);
      const swapped = await verifyConsistency(first, second, smRoot(second), smRoot(first), path, 'sm');
      assert.equal(swapped.ok, false, `swapped roots ${first} → ${second}`);
    }
    for (let i = 0; i < path.length; i++) {
      const bad = await verifyConsistency(first, second, smRoot(first), smRoot(second), flip(path, i), 'sm');
      assert.equal(bad.ok, false, `flipped step ${i} of ${first} → ${second}`);
    }
  }
});

test('an unknown suite is refused, not verified with a default hash', async () => {
  await assert.rejects(leafHash(new Uint8Array(1), 'sha1'), /unknown crypto suite/);
  await assert.rejects(inclusionRoot(0, 1, new Uint8Array(32), [], 'SM'), /unknown crypto suite/);
  await assert.rejects(verifyConsistency(1, 1, new Uint8Array(32), new Uint8Array(32), [], ''), /unknown crypto suite/);
});
