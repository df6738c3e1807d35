// C2SP signed notes and tlog checkpoints: text, a blank line, then "— <name> <base64(keyhash||sig)>"
// lines. The Ed25519 key hash is the first 4 bytes of SHA-256(name || 0x0A || 0x01 || key).
import { concat, fromBase64, sha256, toHex, utf8 } from './bytes.js';

const DASH = '\u2014 ';

/** Splits a note into its signed text and signature lines; throws if malformed. */
export function parseNote(note) {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new Error('the note has no blank line before its signatures');
  const text = note.substring(0, split + 1);
  const rest = note.substring(split + 2);
  if (!rest.endsWith('\n')) throw new Error("the note's signature lines do not end with a newline");
  const signatures = rest.slice(0, -1).split('\n').map((line, i) => {
    const parts = line.startsWith(DASH) ? line.substring(DASH.length).split(' ') : [];
    if (parts.length !== 2) throw new Error(`signature line ${i + 1} is malformed`);
    const bytes = fromBase64(parts[1]);
    if (bytes.length < 5) throw new Error(`signature line ${i + 1} is too short`);
    const keyHash = toHex(bytes.subarray(0, 4));
    return { name: parts[0], keyHash, signature: bytes.subarray(4) };
  });
  return { text, signatures };
}

/** Parses a checkpoint body: origin, tree size, root hash (then optional extension lines). */
export function parseCheckpoint(text) {
  const lines = text.split('\n');
  if (lines.length < 4 || !/^(0|[1-9][0-9]*)$/.test(lines[1])) throw new Error('the checkpoint is malformed');
  const size = Number(lines[1]);
  if (!Number.isSafeInteger(size)) throw new Error('the checkpoint size is too large');
  const root = fromBase64(lines[2]);
  if (root.length !== 32) throw new Error('the checkpoint root is not 32 bytes');
  return { origin: lines[0], size, root, rootBase64: lines[2] };
}

/** Returns the hex note key hash of an Ed25519 key (32 raw bytes) under a key name. */
export async function ed25519KeyHash(name, rawKey) {
  return toHex((await sha256(concat(utf8(name), 0x0a, 0x01, rawKey))).subarray(0, 4));
}

/** Verifies a raw Ed25519 signature with WebCrypto. */
export async function verifyEd25519(rawKey, signature, message) {
  const key = await crypto.subtle.importKey('raw', rawKey, { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
}

/**
 * Opens a checkpoint note under a log key: the signature line named for the checkpoint's origin with
 * the key's hash must verify over the text. Returns {checkpoint, keyHash, verified, reason}.
 */
export async function openCheckpoint(note, rawKey) {
  const { text, signatures } = parseNote(note);
  const checkpoint = parseCheckpoint(text);
  const keyHash = await ed25519KeyHash(checkpoint.origin, rawKey);
  const mine = signatures.filter((s) => s.name === checkpoint.origin && s.keyHash === keyHash);
  if (mine.length !== 1) {
    const reason = mine.length === 0
      ? `no signature by ${checkpoint.origin} with key hash ${keyHash}`
      : `two signatures by ${checkpoint.origin}`;
    return { checkpoint, keyHash, verified: false, reason };
  }
  const verified = await verifyEd25519(rawKey, mine[0].signature, utf8(text));
  return { checkpoint, keyHash, verified, reason: verified ? null : 'the signature does not verify' };
}
