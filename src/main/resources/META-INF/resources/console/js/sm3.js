// SM3 hash (GB/T 32905-2016, "Information security techniques — SM3 cryptographic hash algorithm";
// also GM/T 0004-2012), written here for the in-browser verifier: WebCrypto has no SM3.
// Guarantees: sm3(bytes) is the 32-byte SM3 digest of exactly the given bytes (checked against the
// standard's examples A.1 and A.2 and against the service's BouncyCastle SM3). Not constant-time:
// it hashes public data only (log entries, keys, signed texts).

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];
const T_LOW = 0x79cc4519; // T_j for 0 <= j <= 15
const T_HIGH = 0x7a879d8a; // T_j for 16 <= j <= 63

const rotl = (x, n) => ((x << (n & 31)) | (x >>> ((32 - (n & 31)) & 31))) >>> 0;
const p0 = (x) => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
const p1 = (x) => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;

/** Pads the message (§5.2): 1 bit, zeros to 448 mod 512 bits, the bit length as 64 bits big-endian. */
function pad(bytes) {
  const blocks = Math.ceil((bytes.length + 9) / 64);
  const out = new Uint8Array(blocks * 64);
  out.set(bytes);
  out[bytes.length] = 0x80;
  const view = new DataView(out.buffer);
  const bits = bytes.length * 8;
  view.setUint32(out.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(out.length - 4, bits >>> 0);
  return view;
}

/** The compression function CF (§5.3.3) of one 64-byte block at `offset`, updating v in place. */
function compress(v, view, offset) {
  const w = new Uint32Array(68);
  for (let j = 0; j < 16; j++) w[j] = view.getUint32(offset + 4 * j);
  for (let j = 16; j < 68; j++) {
    w[j] = p1(w[j - 16] ^ w[j - 9] ^ rotl(w[j - 3], 15)) ^ rotl(w[j - 13], 7) ^ w[j - 6];
  }
  let [a, b, c, d, e, f, g, h] = v;
  for (let j = 0; j < 64; j++) {
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + rotl(j < 16 ? T_LOW : T_HIGH, j)) >>> 0, 7);
    const ss2 = (ss1 ^ a12) >>> 0;
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = (ff + d + ss2 + (w[j] ^ w[j + 4])) >>> 0;
    const tt2 = (gg + h + ss1 + w[j]) >>> 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = p0(tt2);
  }
  [a, b, c, d, e, f, g, h].forEach((x, i) => (v[i] = (v[i] ^ x) >>> 0));
}

/** Returns SM3(bytes) as 32 bytes. */
export function sm3(bytes) {
  const view = pad(bytes);
  const v = Uint32Array.from(IV);
  for (let offset = 0; offset < view.byteLength; offset += 64) compress(v, view, offset);
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  v.forEach((x, i) => outView.setUint32(4 * i, x));
  return out;
}

/** SM3 as a promise, shaped like bytes.js's sha256 so callers can take either. */
export async function sm3Async(bytes) {
  return sm3(bytes);
}
