// Byte helpers for the in-browser verifier: strict base64, hex, concatenation, SHA-256.

/** Decodes standard base64 strictly (re-encoding must give the same text); throws otherwise. */
export function fromBase64(text) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new Error('not base64');
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (toBase64(bytes) !== text) throw new Error('not canonical base64');
  return bytes;
}

/** Encodes bytes as standard base64. */
export function toBase64(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Lower-case hex of bytes. */
export function toHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Concatenates byte arrays (numbers are taken as single bytes). */
export function concat(...parts) {
  const arrays = parts.map((p) => (typeof p === 'number' ? Uint8Array.of(p) : p));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** Whether two byte arrays are equal. */
export function equalBytes(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** SHA-256 with WebCrypto. */
export async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

/** UTF-8 bytes of a string. */
export function utf8(text) {
  return new TextEncoder().encode(text);
}
