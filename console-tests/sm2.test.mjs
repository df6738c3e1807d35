// The console's SM2 verifier (sm2.js, as the browser runs it): the published example on sm2p256v1
// (GM/T 0003.5 / GB/T 32918.5, default user id) verifies, with its Z_A; signatures made by the
// service's Java Sm2SigningKey (fixtures/sm.json: empty, short and > 64-byte messages) verify; a
// changed message, r, s or key, r = 0, s = n, non-strict DER or a trailing byte do not. Keys that are
// not uncompressed sm2p256v1 points in an id-ecPublicKey SPKI are refused with an error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  parseSm2PublicKey, parseSm2Signature, sm2PublicKeyFromText, sm2Za, verifySm2,
} from '../src/main/resources/META-INF/resources/console/js/sm2.js';
import { sm3 } from '../src/main/resources/META-INF/resources/console/js/sm3.js';

const vectors = JSON.parse(readFileSync(new URL('../src/test/resources/vectors/sm/sm3_sm4_sm2_vectors.json', import.meta.url)));
const fixtures = JSON.parse(readFileSync(new URL('./fixtures/sm.json', import.meta.url)));
const example = vectors.sm2_signature.find((v) => v.curve === 'sm2p256v1');
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const bytes = (h) => Uint8Array.from(Buffer.from(h, 'hex'));
const hex = (b) => Buffer.from(b).toString('hex');
const b64 = (t) => Uint8Array.from(Buffer.from(t, 'base64'));
const utf8 = (t) => new TextEncoder().encode(t);

const SPKI_PREFIX = '3059301306072a8648ce3d020106082a811ccf5501822d03420004';
const spkiOf = (x, y) => bytes(SPKI_PREFIX + x + y);
function derLength(n) {
  return n < 0x80 ? [n] : [0x81, n];
}
function derInteger(value) {
  let h = value.toString(16);
  if (h.length % 2) h = `0${h}`;
  let body = bytes(h);
  if (body[0] & 0x80) body = Uint8Array.of(0, ...body);
  return Uint8Array.of(0x02, ...derLength(body.length), ...body);
}
function derSignature(r, s, extra = []) {
  const body = [...derInteger(r), ...derInteger(s)];
  return Uint8Array.of(0x30, ...derLength(body.length), ...body, ...extra);
}
const flip = (b, at) => Uint8Array.from(b, (x, i) => (i === at ? x ^ 1 : x));

const key = spkiOf(example.public_key_x, example.public_key_y);
const message = utf8(example.message_ascii);
const r = BigInt(`0x${example.r}`);
const s = BigInt(`0x${example.s}`);

test('the published sm2p256v1 example verifies, with its Z_A and e', () => {
  assert.equal(example.user_id_ascii, '1234567812345678');
  const parsed = parseSm2PublicKey(key);
  assert.equal(hex(sm2Za(parsed)), example.ZA.toLowerCase());
  assert.equal(hex(sm3(Uint8Array.of(...sm2Za(parsed), ...message))), example['e_SM3(ZA||M)'].toLowerCase());
  assert.equal(verifySm2(key, derSignature(r, s), message), true);
  assert.equal(verifySm2(parsed, derSignature(r, s), message), true);
});

test('a changed message, r, s, key or user id, r = 0, s = n or r = s = 0 does not verify', () => {
  const other = b64(fixtures.sm2[0].publicKey);
  assert.equal(verifySm2(key, derSignature(r, s), utf8('message digesT')), false, 'message');
  assert.equal(verifySm2(key, derSignature(r, s), new Uint8Array(0)), false, 'empty message');
  assert.equal(verifySm2(key, derSignature(r + 1n, s), message), false, 'r + 1');
  assert.equal(verifySm2(key, derSignature(r, s ^ 1n), message), false, 's flipped');
  assert.equal(verifySm2(key, derSignature(s, r), message), false, 'r and s swapped');
  assert.equal(verifySm2(other, derSignature(r, s), message), false, 'another key');
  assert.equal(verifySm2(key, derSignature(r, s), message, utf8('ALICE123@YAHOO.COM')), false, 'another user id');
  assert.equal(verifySm2(key, derSignature(0n, s), message), false, 'r = 0');
  assert.equal(verifySm2(key, derSignature(r, N), message), false, 's = n');
  assert.equal(verifySm2(key, derSignature(r + N, s), message), false, 'r + n');
  assert.equal(verifySm2(key, derSignature(0n, 0n), message), false, 'r = s = 0');
  assert.equal(verifySm2(key, derSignature(r, N - r), message), false, 'r + s = n');
});

test('only strict DER is read: no trailing byte, no padding, no negative or long-form integers', () => {
  const good = derSignature(r, s);
  assert.ok(parseSm2Signature(good));
  for (const [badR, badS] of [[0n, s], [r, 0n], [N, s], [r, N], [r + N, s]]) {
    assert.equal(parseSm2Signature(derSignature(badR, badS)), null, `r, s out of [1, n): ${badR}, ${badS}`);
  }
  assert.equal(verifySm2(key, derSignature(r, s, [0]), message), false, 'trailing byte');
  assert.equal(verifySm2(key, good.subarray(0, good.length - 1), message), false, 'truncated');
  const padded = Uint8Array.of(0x30, good[1] + 1, 0x02, good[3] + 1, 0x00, ...good.subarray(4));
  assert.equal(parseSm2Signature(padded), null, 'r with a needless leading zero');
  const negative = Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x01);
  assert.equal(parseSm2Signature(negative), null, 'negative r');
  const longForm = Uint8Array.of(0x30, 0x81, good[1], ...good.subarray(2));
  assert.equal(parseSm2Signature(longForm), null, 'long-form length under 128');
  assert.equal(parseSm2Signature(Uint8Array.of(0x31, ...good.subarray(1))), null, 'a SET');
  assert.equal(parseSm2Signature(derSignature(r, s).subarray(0, 2 + derInteger(r).length)), null, 'r alone');
});

test('signatures made by the Java Sm2SigningKey verify; a flipped message or signature byte, or another key, does not', () => {
  assert.ok(fixtures.sm2.some((v) => v.messageHex === ''), 'an empty message');
  assert.ok(fixtures.sm2.some((v) => v.messageHex.length / 2 > 64), 'a message over 64 bytes');
  for (const [i, v] of fixtures.sm2.entries()) {
    const spki = b64(v.publicKey);
    const signature = b64(v.signatureBase64);
    const signed = bytes(v.messageHex);
    assert.equal(verifySm2(spki, signature, signed), true, `fixture ${i}`);
    if (signed.length > 0) assert.equal(verifySm2(spki, signature, flip(signed, signed.length - 1)), false, `message of ${i}`);
    assert.equal(verifySm2(spki, signature, Uint8Array.of(...signed, 0)), false, `longer message of ${i}`);
    for (const at of [5, signature.length - 1]) {
      assert.equal(verifySm2(spki, flip(signature, at), signed), false, `signature byte ${at} of ${i}`);
    }
    const other = b64(fixtures.sm2[(i + 1) % fixtures.sm2.length].publicKey);
    assert.equal(verifySm2(other, signature, signed), false, `another key for ${i}`);
  }
});

test('a verification takes well under 200 ms', () => {
  const v = fixtures.sm2.at(-1);
  const spki = b64(v.publicKey);
  const started = performance.now();
  for (let i = 0; i < 5; i++) assert.equal(verifySm2(spki, b64(v.signatureBase64), bytes(v.messageHex)), true);
  assert.ok((performance.now() - started) / 5 < 200, 'mean verification time');
});

test('keys: text and PEM forms read the same point; other curves, compressed or off-curve points throw', () => {
  const { platformKey, platformKeyPem } = fixtures.attestation;
  const fromText = sm2PublicKeyFromText(platformKey);
  const fromPem = sm2PublicKeyFromText(platformKeyPem);
  assert.equal(fromText.x, fromPem.x);
  assert.equal(fromText.y, fromPem.y);
  assert.deepEqual(fromPem.spki, b64(platformKey));

  const x = example.public_key_x;
  const y = example.public_key_y;
  const p256 = bytes(`3059301306072a8648ce3d020106082a8648ce3d030107034200 04${x}${y}`.replace(' ', ''));
  assert.throws(() => parseSm2PublicKey(p256), /sm2p256v1/, 'P-256 OID');
  const notEc = Uint8Array.from(key);
  notEc[10] ^= 1;
  assert.throws(() => parseSm2PublicKey(notEc), /EC public key/, 'another algorithm OID');
  const offCurve = spkiOf(x, `${y.slice(0, -1)}${y.at(-1) === '3' ? '4' : '3'}`);
  assert.throws(() => parseSm2PublicKey(offCurve), /not on sm2p256v1/);
  assert.throws(() => verifySm2(offCurve, derSignature(r, s), message), /not on sm2p256v1/, 'verify throws for a bad key');
  const compressed = Uint8Array.from(key);
  compressed[26] = 0x02;
  assert.throws(() => parseSm2PublicKey(compressed), /uncompressed/);
  assert.throws(() => parseSm2PublicKey(Uint8Array.of(...key, 0)), /DER/, 'trailing byte');
  assert.throws(() => parseSm2PublicKey(key.subarray(0, key.length - 1)), /DER/, 'truncated');
  assert.throws(() => sm2PublicKeyFromText('-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----'));
  assert.doesNotThrow(() => parseSm2PublicKey(key));
});
