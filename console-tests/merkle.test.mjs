// The console's Merkle verifier (merkle.js, as the browser runs it) against the repository's
// RFC 9162 vectors: every inclusion and consistency proof of trees of 1..64 leaves verifies, and
// each with one flipped bit, or a wrong index, does not.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { inclusionRoot, verifyConsistency } from '../src/main/resources/META-INF/resources/console/js/merkle.js';

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
