// SM2 signature verification (GB/T 32918.2-2016, with SM3 and the curve sm2p256v1 of GB/T 32918.5)
// for the in-browser verifier: WebCrypto has no SM2. Verification only; no secrets are handled.
// Guarantees: verifySm2 returns true only for a strict-DER SEQUENCE{r, s} with 1 <= r, s < n and no
// trailing bytes that verifies over exactly the message under the key and user id (default
// "1234567812345678", GM/T 0009); any other signature gives false. Keys are read from an X.509
// SubjectPublicKeyInfo DER that must be id-ecPublicKey on the named curve sm2p256v1
// (1.2.156.10197.1.301) with an uncompressed point on the curve; anything else throws.
// Arithmetic is BigInt in Jacobian coordinates; not constant-time (public data only).
import { concat, fromBase64, utf8 } from './bytes.js';
import { sm3 } from './sm3.js';

const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const GX = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
const GY = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;

/** The default user id of GM/T 0009-2012, as the service signs with it. */
export const DEFAULT_USER_ID = utf8('1234567812345678');

const ID_EC_PUBLIC_KEY = Uint8Array.of(0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01); // 1.2.840.10045.2.1
const SM2P256V1 = Uint8Array.of(0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x82, 0x2d); // 1.2.156.10197.1.301

const mod = (a, m = P) => {
  const r = a % m;
  return r < 0n ? r + m : r;
};

function modPow(base, exponent, m) {
  let result = 1n;
  let b = mod(base, m);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
  }
  return result;
}

const toBig = (bytes) => (bytes.length === 0 ? 0n : BigInt(`0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`));

function toBytes32(n) {
  const hex = n.toString(16).padStart(64, '0');
  return Uint8Array.from(hex.match(/../g), (h) => parseInt(h, 16));
}

// Points are Jacobian [X, Y, Z] with affine (X / Z², Y / Z³); Z = 0 is the point at infinity.
const INFINITY = [1n, 1n, 0n];

function double([x, y, z]) {
  if (z === 0n || y === 0n) return INFINITY;
  const yy = mod(y * y);
  const zz = mod(z * z);
  const s = mod(4n * x * yy);
  const m = mod(3n * x * x + A * zz * zz);
  const x3 = mod(m * m - 2n * s);
  return [x3, mod(m * (s - x3) - 8n * yy * yy), mod(2n * y * z)];
}

function add(p, q) {
  if (p[2] === 0n) return q;
  if (q[2] === 0n) return p;
  const [x1, y1, z1] = p;
  const [x2, y2, z2] = q;
  const z1z1 = mod(z1 * z1);
  const z2z2 = mod(z2 * z2);
  const u1 = mod(x1 * z2z2);
  const u2 = mod(x2 * z1z1);
  const s1 = mod(y1 * z2 * z2z2);
  const s2 = mod(y2 * z1 * z1z1);
  if (u1 === u2) return s1 === s2 ? double(p) : INFINITY;
  const h = mod(u2 - u1);
  const r = mod(s2 - s1);
  const hh = mod(h * h);
  const hhh = mod(h * hh);
  const x3 = mod(r * r - hhh - 2n * u1 * hh);
  return [x3, mod(r * (u1 * hh - x3) - s1 * hhh), mod(h * z1 * z2)];
}

/** Returns s·G + t·Q (Shamir's trick: one pass of doublings over both scalars). */
function twoMultiply(s, g, t, q) {
  const gq = add(g, q);
  let acc = INFINITY;
  for (let bit = 255n; bit >= 0n; bit--) {
    acc = double(acc);
    const sb = (s >> bit) & 1n;
    const tb = (t >> bit) & 1n;
    if (sb && tb) acc = add(acc, gq);
    else if (sb) acc = add(acc, g);
    else if (tb) acc = add(acc, q);
  }
  return acc;
}

function affineX([x, , z]) {
  const zInverse = modPow(z, P - 2n, P);
  return mod(x * zInverse * zInverse);
}

/** Reads one DER TLV at `at` (definite, minimal length); returns {tag, body, end}; throws if malformed. */
function tlv(bytes, at) {
  if (at + 2 > bytes.length) throw new Error('truncated DER');
  const tag = bytes[at];
  let length = bytes[at + 1];
  let start = at + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 2 || start + count > bytes.length) throw new Error('bad DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i];
    if (length < 0x80 || (count === 2 && length < 0x100)) throw new Error('non-minimal DER length');
    start += count;
  }
  if (start + length > bytes.length) throw new Error('truncated DER');
  return { tag, body: bytes.subarray(start, start + length), end: start + length };
}

/** Reads the TLVs that fill `body` exactly. */
function children(body) {
  const items = [];
  for (let at = 0; at < body.length;) {
    const item = tlv(body, at);
    items.push(item);
    at = item.end;
  }
  return items;
}

/** Reads a DER SEQUENCE that fills `bytes` exactly and returns its elements; throws otherwise. */
function sequence(bytes) {
  const outer = tlv(bytes, 0);
  if (outer.tag !== 0x30 || outer.end !== bytes.length) throw new Error('not a single DER SEQUENCE');
  return children(outer.body);
}

const sameBytes = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Reads an SM2 public key from SubjectPublicKeyInfo DER: returns {x, y, spki}; throws if it is not
 * id-ecPublicKey on sm2p256v1 with an uncompressed point on the curve.
 */
export function parseSm2PublicKey(spki) {
  const [algorithm, key, ...extra] = sequence(spki);
  if (!algorithm || !key || extra.length || algorithm.tag !== 0x30 || key.tag !== 0x03) {
    throw new Error('not a SubjectPublicKeyInfo');
  }
  const [oid, curve, ...more] = children(algorithm.body);
  if (!oid || oid.tag !== 0x06 || !sameBytes(oid.body, ID_EC_PUBLIC_KEY)) throw new Error('the key is not an EC public key');
  if (!curve || more.length || curve.tag !== 0x06 || !sameBytes(curve.body, SM2P256V1)) {
    throw new Error('the key is not on the curve sm2p256v1');
  }
  const bits = key.body;
  if (bits.length !== 66 || bits[0] !== 0x00 || bits[1] !== 0x04) throw new Error('the key is not an uncompressed point');
  const x = toBig(bits.subarray(2, 34));
  const y = toBig(bits.subarray(34, 66));
  if (x >= P || y >= P || mod(y * y - (x * x * x + A * x + B)) !== 0n) throw new Error('the point is not on sm2p256v1');
  return { x, y, spki };
}

/** Reads an SM2 public key from its text form (base64 of the SPKI DER) or a PUBLIC KEY PEM of it. */
export function sm2PublicKeyFromText(text) {
  const trimmed = text.trim();
  const pem = /^-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]*)-----END PUBLIC KEY-----$/.exec(trimmed);
  return parseSm2PublicKey(fromBase64(pem ? pem[1].replace(/\s+/g, '') : trimmed));
}

/** Reads a strict DER SEQUENCE{INTEGER r, INTEGER s} with 1 <= r, s < n; returns {r, s} or null. */
export function parseSm2Signature(der) {
  let items;
  try {
    items = sequence(der);
  } catch {
    return null;
  }
  if (items.length !== 2) return null;
  const values = [];
  for (const { tag, body } of items) {
    if (tag !== 0x02 || body.length === 0 || body[0] & 0x80) return null;
    if (body.length > 1 && body[0] === 0x00 && !(body[1] & 0x80)) return null;
    const v = toBig(body);
    if (v < 1n || v >= N) return null;
    values.push(v);
  }
  return { r: values[0], s: values[1] };
}

/** Returns Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) (GB/T 32918.2 §5.5). */
export function sm2Za(key, userId = DEFAULT_USER_ID) {
  const bits = userId.length * 8;
  if (bits > 0xffff) throw new Error('the user id is too long');
  return sm3(concat(bits >> 8, bits & 0xff, userId, ...[A, B, GX, GY, key.x, key.y].map(toBytes32)));
}

/**
 * Verifies a DER SM2 signature over `message` (GB/T 32918.2 §7) under `key` (SPKI DER bytes, or a
 * key from parseSm2PublicKey); throws only if the key is malformed, returns false for a bad signature.
 */
export function verifySm2(key, signature, message, userId = DEFAULT_USER_ID) {
  const publicKey = key instanceof Uint8Array ? parseSm2PublicKey(key) : key;
  const rs = parseSm2Signature(signature);
  if (!rs) return false;
  const e = toBig(sm3(concat(sm2Za(publicKey, userId), message)));
  const t = (rs.r + rs.s) % N;
  if (t === 0n) return false;
  const point = twoMultiply(rs.s, [GX, GY, 1n], t, [publicKey.x, publicKey.y, 1n]);
  if (point[2] === 0n) return false;
  return (e + affineX(point)) % N === rs.r;
}
