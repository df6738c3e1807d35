// C2SP signed notes and tlog checkpoints: text, a blank line, then "— <name> <base64(keyhash||sig)>"
// lines, under either suite's log key:
// * intl: Ed25519 (WebCrypto); key hash = first 4 bytes of SHA-256(name || 0x0A || 0x01 || raw key);
// * sm: SM2 with SM3 and user id "1234567812345678" over the text, DER (r, s); signature type
//   0xFF || "safehouse/sm2-sm3"; key hash = first 4 bytes of SM3(name || 0x0A || type || SPKI DER).
// Guarantees: a checkpoint is reported verified only if exactly one signature line carries the
// origin's name and the key's hash, and its signature verifies over the exact text bytes.
import { concat, equalBytes, fromBase64, sha256, toHex, utf8 } from './bytes.js';
import { parseSm2PublicKey, verifySm2 } from './sm2.js';
import { sm3 } from './sm3.js';
import { suite } from './suite.js';

const DASH = '\u2014 ';
const ED25519_TYPE = Uint8Array.of(0x01);

/** The note signature type of SM2-with-SM3 keys: 0xFF followed by "safehouse/sm2-sm3". */
export const SM2_NOTE_TYPE = concat(0xff, utf8('safehouse/sm2-sm3'));

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

/** Returns the hex note key hash of an SM2 key (SPKI DER) under a key name. */
export function sm2KeyHash(name, spki) {
  return toHex(sm3(concat(utf8(name), 0x0a, SM2_NOTE_TYPE, spki)).subarray(0, 4));
}

/** Returns the hex note key hash of a log key of the suite (intl: raw Ed25519; sm: SPKI DER). */
export async function noteKeyHash(name, key, suiteName) {
  return suite(suiteName).name === 'sm' ? sm2KeyHash(name, key) : ed25519KeyHash(name, key);
}

/** Verifies a raw Ed25519 signature with WebCrypto. */
export async function verifyEd25519(rawKey, signature, message) {
  const key = await crypto.subtle.importKey('raw', rawKey, { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
}

/** Verifies a note signature under a log key of the suite (intl: raw Ed25519; sm: SPKI DER). */
export async function verifyNoteSignature(key, signature, message, suiteName) {
  if (suite(suiteName).name === 'sm') return verifySm2(key, signature, message);
  return verifyEd25519(key, signature, message);
}

/**
 * Opens a checkpoint note under a log key of the suite ("intl": 32 raw Ed25519 bytes, the default;
 * "sm": SM2 SPKI DER): the signature line named for the checkpoint's origin with the key's hash must
 * verify over the text. Returns {checkpoint, keyHash, verified, reason}; throws if malformed.
 */
export async function openCheckpoint(note, key, suiteName = 'intl') {
  const { text, signatures } = parseNote(note);
  const checkpoint = parseCheckpoint(text);
  const keyHash = await noteKeyHash(checkpoint.origin, key, suiteName);
  const mine = signatures.filter((s) => s.name === checkpoint.origin && s.keyHash === keyHash);
  if (mine.length !== 1) {
    const reason = mine.length === 0
      ? `no signature by ${checkpoint.origin} with key hash ${keyHash}`
      : `two signatures by ${checkpoint.origin}`;
    return { checkpoint, keyHash, verified: false, reason };
  }
  const verified = await verifyNoteSignature(key, mine[0].signature, utf8(text), suiteName);
  return { checkpoint, keyHash, verified, reason: verified ? null : 'the signature does not verify' };
}

/**
 * Reads a note verifier key "<name>+<8 hex key hash>+<base64(type || key)>" of either suite (type
 * 0x01 with a 32-byte Ed25519 key; SM2_NOTE_TYPE with an SM2 SPKI DER). Returns {name, keyHash,
 * suite, key}; throws if malformed, of another type, or if the key hash is not the key's.
 */
export async function parseVerifierKey(text) {
  const parts = /^([^+\s]+)\+([0-9a-f]{8})\+(\S+)$/.exec(text.trim());
  if (!parts) throw new Error('the verifier key is malformed');
  const [, name, keyHash, keyBase64] = parts;
  const bytes = fromBase64(keyBase64);
  let parsed;
  if (bytes.length === 33 && bytes[0] === ED25519_TYPE[0]) {
    parsed = { name, keyHash, suite: 'intl', key: bytes.subarray(1) };
  } else if (bytes.length > SM2_NOTE_TYPE.length && equalBytes(bytes.subarray(0, SM2_NOTE_TYPE.length), SM2_NOTE_TYPE)) {
    const key = bytes.subarray(SM2_NOTE_TYPE.length);
    parseSm2PublicKey(key);
    parsed = { name, keyHash, suite: 'sm', key };
  } else {
    throw new Error('the verifier key is of an unknown type');
  }
  if ((await noteKeyHash(name, parsed.key, parsed.suite)) !== keyHash) throw new Error("the verifier key's hash is not its key's");
  return parsed;
}

/**
 * Opens a checkpoint note under a verifier key (see parseVerifierKey), whose name must be the
 * checkpoint's origin. Returns what openCheckpoint does, with the key's suite.
 */
export async function openCheckpointWithVerifierKey(note, verifierKeyText) {
  const verifier = await parseVerifierKey(verifierKeyText);
  const opened = await openCheckpoint(note, verifier.key, verifier.suite);
  if (opened.checkpoint.origin !== verifier.name) {
    return { ...opened, verified: false, reason: `the verifier key is for ${verifier.name}, not ${opened.checkpoint.origin}`, suite: verifier.suite };
  }
  return { ...opened, suite: verifier.suite };
}
