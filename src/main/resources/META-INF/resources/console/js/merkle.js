// RFC 6962 / RFC 9162 Merkle tree verification: leaf = H(0x00 || entry), node = H(0x01 || left ||
// right), with H the suite's hash: SHA-256 for "intl" (the default), SM3 for "sm". Each function
// returns the steps it took, for display; an unknown suite throws.
import { concat, equalBytes, toBase64 } from './bytes.js';
import { suite } from './suite.js';

/** Returns H(0x00 || entry) under the suite's hash. */
export async function leafHash(entry, suiteName = 'intl') {
  return suite(suiteName).hash(concat(0x00, entry));
}

/** Returns H(0x01 || left || right) under the suite's hash. */
export async function nodeHash(left, right, suiteName = 'intl') {
  return suite(suiteName).hash(concat(0x01, left, right));
}

const odd = (n) => n % 2 === 1;
const half = (n) => Math.floor(n / 2);

function isPowerOfTwo(n) {
  let m = n;
  while (m > 1 && !odd(m)) m = half(m);
  return m === 1;
}

/**
 * Recomputes the root from a leaf hash and its inclusion proof (RFC 9162 §2.1.3.2).
 * Requires 0 <= index < size; suiteName picks the hash ("intl" or "sm"). Returns {root, steps,
 * error}: root null when the proof's shape does not fit (index, size); steps list each path element
 * and which side it took.
 */
export async function inclusionRoot(index, size, leaf, path, suiteName = 'intl') {
  suite(suiteName);
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) {
    return { root: null, steps: [], error: 'index is not within the tree size' };
  }
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  const steps = [];
  for (const [i, p] of path.entries()) {
    if (sn === 0) return { root: null, steps, error: `the proof is longer than the tree is deep (step ${i + 1})` };
    let side;
    if (odd(fn) || fn === sn) {
      r = await nodeHash(p, r, suiteName);
      side = 'left';
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = await nodeHash(r, p, suiteName);
      side = 'right';
    }
    steps.push({ sibling: toBase64(p), side, result: toBase64(r) });
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return { root: null, steps, error: 'the proof is shorter than the tree is deep' };
  return { root: r, steps, error: null };
}

/**
 * Checks a consistency proof between the trees of first and second leaves (RFC 9162 §2.1.4.2).
 * Requires 1 <= first <= second; suiteName picks the hash ("intl" or "sm"). Returns {ok, error}.
 */
export async function verifyConsistency(first, second, firstRoot, secondRoot, proof, suiteName = 'intl') {
  suite(suiteName);
  if (!(first >= 1 && first <= second)) return { ok: false, error: 'sizes out of order' };
  if (first === second) {
    const ok = proof.length === 0 && equalBytes(firstRoot, secondRoot);
    return { ok, error: ok ? null : 'same size, different roots: the log forked' };
  }
  let path = proof;
  if (isPowerOfTwo(first)) path = [firstRoot, ...proof];
  if (path.length === 0) return { ok: false, error: 'empty proof' };
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return { ok: false, error: 'the proof is too long' };
    if (odd(fn) || fn === sn) {
      fr = await nodeHash(c, fr, suiteName);
      sr = await nodeHash(c, sr, suiteName);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = await nodeHash(sr, c, suiteName);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return { ok: false, error: 'the proof is too short' };
  if (!equalBytes(fr, firstRoot)) return { ok: false, error: 'the proof does not lead to the first root' };
  if (!equalBytes(sr, secondRoot)) return { ok: false, error: 'the proof does not lead to the second root' };
  return { ok: true, error: null };
}
