// Reads the raw Ed25519 public key out of a verification key's text form (base64 of a Tink public
// keyset, protobuf): Keyset.key[primary].key_data.value = Ed25519PublicKey{version, key_value}.
import { fromBase64, sha256, toHex, utf8 } from './bytes.js';

function fields(bytes) {
  const out = [];
  let at = 0;
  const varint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.length) throw new Error('truncated keyset');
      const b = bytes[at++];
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
  };
  while (at < bytes.length) {
    const tag = varint();
    const number = Math.floor(tag / 8);
    const type = tag % 8;
    if (type === 0) out.push({ number, value: varint() });
    else if (type === 2) {
      const length = varint();
      if (at + length > bytes.length) throw new Error('truncated keyset');
      out.push({ number, bytes: bytes.subarray(at, at + length) });
      at += length;
    } else throw new Error('unexpected keyset field');
  }
  return out;
}

const ED25519_URL = 'type.googleapis.com/google.crypto.tink.Ed25519PublicKey';
// Tink's OutputPrefixType values.
const TINK = 1;
const RAW = 3;

/**
 * Returns the primary key of an Ed25519 public keyset: {raw: 32 bytes, prefix: the bytes Tink puts
 * before a signature (0x01 ‖ key id for TINK, none for RAW)}; throws for other keys or prefixes.
 */
export function ed25519PrimaryKey(text) {
  const keyset = fields(fromBase64(text));
  const primary = keyset.find((f) => f.number === 1)?.value;
  for (const key of keyset.filter((f) => f.number === 2).map((f) => fields(f.bytes))) {
    if (key.find((f) => f.number === 3)?.value !== primary) continue;
    const data = fields(key.find((f) => f.number === 1).bytes);
    const url = new TextDecoder().decode(data.find((f) => f.number === 1).bytes);
    if (url !== ED25519_URL) throw new Error('the key is not Ed25519');
    const raw = fields(data.find((f) => f.number === 2).bytes).find((f) => f.number === 2)?.bytes;
    if (!raw || raw.length !== 32) throw new Error('the Ed25519 key is not 32 bytes');
    const outputPrefix = key.find((f) => f.number === 4)?.value;
    if (outputPrefix === RAW) return { raw, prefix: new Uint8Array(0) };
    if (outputPrefix !== TINK) throw new Error('the key has an unsupported signature prefix');
    const prefix = new Uint8Array(5);
    prefix[0] = 0x01;
    new DataView(prefix.buffer).setUint32(1, primary);
    return { raw, prefix };
  }
  throw new Error('the keyset has no primary key');
}

/** Returns the 32-byte Ed25519 key of the keyset's primary key; throws if there is none. */
export function rawEd25519Key(text) {
  return ed25519PrimaryKey(text).raw;
}

/** Returns the key id as the CLI prints it: hex SHA-256 of the text form. */
export async function keyId(text) {
  return toHex(await sha256(utf8(text)));
}
