// The console's attestation checks (attestation.js, as the browser runs it) on documents v2 of both
// suites: an "sm" document signed with SM2 by the service's Java Sm2SigningKey (fixtures/sm.json)
// verifies under the pinned platform key as base64 SPKI or PEM; an "intl" document signed here with
// a Tink Ed25519 keyset verifies. A flipped byte, another key, a platform key of the other suite, a
// v1 or unknown-suite document, debug when not allowed, another measurement or nonce are refused.
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeAttestation, platformKey, verifyAttestation } from '../src/main/resources/META-INF/resources/console/js/attestation.js';

const { attestation: sm, sm2 } = JSON.parse(readFileSync(new URL('./fixtures/sm.json', import.meta.url)));
const b64 = (b) => Buffer.from(b).toString('base64');
const served = { documentBase64: sm.documentBase64, signatureBase64: sm.signatureBase64 };
const flipBase64 = (text, at) => {
  const bytes = Buffer.from(text, 'base64');
  bytes[at] ^= 1;
  return b64(bytes);
};

function str(text) {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function documentV2({ domain = 'safehouse/attestation/v2', suite = 'intl', measurement = 'ab'.repeat(32), signingKey = 'key', nonceHex = '01'.repeat(32), debug = 0 } = {}) {
  const wrapping = Buffer.from('wrapping key');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(wrapping.length);
  const tail = Buffer.alloc(9);
  tail.writeBigInt64BE(1790000000000n);
  tail[8] = debug;
  return Buffer.concat([str(domain), str(suite), str(measurement), str('policy'), length, wrapping, str(signingKey), str(nonceHex), tail]);
}

/** A Tink public keyset text with one Ed25519 key (id 5, output prefix TINK), and its signer. */
function tinkEd25519() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
  const field = (number, body) => Buffer.concat([Buffer.of(number * 8 + 2, body.length), body]);
  const varint = (number, value) => Buffer.of(number * 8, value);
  const url = Buffer.from('type.googleapis.com/google.crypto.tink.Ed25519PublicKey');
  const keyData = Buffer.concat([field(1, url), field(2, Buffer.concat([varint(1, 0), field(2, raw)])), varint(3, 3)]);
  const key = Buffer.concat([field(1, keyData), varint(2, 1), varint(3, 5), varint(4, 1)]);
  const text = b64(Buffer.concat([varint(1, 5), field(2, key)]));
  const prefix = Buffer.of(1, 0, 0, 0, 5);
  return { text, sign: (bytes) => Buffer.concat([prefix, sign(null, bytes, privateKey)]) };
}

test('sm: the Java-signed document verifies under the platform key as base64 SPKI and as PEM', async () => {
  for (const key of [sm.platformKey, sm.platformKeyPem]) {
    const document = await verifyAttestation(served, key, sm.measurement.toUpperCase(), sm.nonceHex, true);
    assert.equal(document.suite, 'sm');
    assert.equal(document.signingKey, sm.signingKey);
    assert.equal(document.policyHash, sm.policyHash);
    assert.equal(b64(document.wrappingKey), sm.wrappingKeyBase64);
    assert.equal(document.issuedAtMillis, sm.issuedAtMillis);
    assert.equal(document.debug, true);
  }
  assert.equal(platformKey(sm.platformKeyPem).suite, 'sm');
});

test('sm: a flipped signature or document byte, or another platform key, does not verify', async () => {
  const attempts = [
    [{ ...served, signatureBase64: flipBase64(sm.signatureBase64, 20) }, sm.platformKey],
    [{ ...served, documentBase64: flipBase64(sm.documentBase64, 40) }, sm.platformKey],
    [served, sm2[0].publicKey],
  ];
  for (const [attestation, key] of attempts) {
    await assert.rejects(verifyAttestation(attestation, key, sm.measurement, sm.nonceHex, true), /platform signature does not verify/);
  }
});

test('sm: debug when not allowed, another measurement or another nonce is refused', async () => {
  await assert.rejects(verifyAttestation(served, sm.platformKey, sm.measurement, sm.nonceHex, false), /debug/);
  await assert.rejects(verifyAttestation(served, sm.platformKey, 'ab'.repeat(32), sm.nonceHex, true), /measurement/);
  await assert.rejects(verifyAttestation(served, sm.platformKey, sm.measurement, '00'.repeat(32), true), /nonce/);
});

test('intl: a v2 document signed by a Tink Ed25519 keyset verifies; a flipped byte does not', async () => {
  const tink = tinkEd25519();
  const bytes = documentV2({ suite: 'intl', signingKey: 'log key text' });
  const attestation = { documentBase64: b64(bytes), signatureBase64: b64(tink.sign(bytes)) };
  const document = await verifyAttestation(attestation, tink.text, 'ab'.repeat(32), '01'.repeat(32), false);
  assert.equal(document.suite, 'intl');
  assert.equal(document.signingKey, 'log key text');
  assert.equal(platformKey(tink.text).suite, 'intl');
  const flipped = { ...attestation, signatureBase64: flipBase64(attestation.signatureBase64, 30) };
  await assert.rejects(verifyAttestation(flipped, tink.text, 'ab'.repeat(32), '01'.repeat(32), false), /platform signature does not verify/);
  const prefixFlipped = { ...attestation, signatureBase64: flipBase64(attestation.signatureBase64, 4) };
  await assert.rejects(verifyAttestation(prefixFlipped, tink.text, 'ab'.repeat(32), '01'.repeat(32), false), /platform signature does not verify/);
});

test('a platform key of the other suite, a v1 document or an unknown suite is refused', async () => {
  const tink = tinkEd25519();
  await assert.rejects(verifyAttestation(served, tink.text, sm.measurement, sm.nonceHex, true), /for suite sm but the pinned platform key is for suite intl/);
  const claimsSm = documentV2({ suite: 'sm' });
  const mixed = { documentBase64: b64(claimsSm), signatureBase64: b64(tink.sign(claimsSm)) };
  await assert.rejects(verifyAttestation(mixed, tink.text, 'ab'.repeat(32), '01'.repeat(32), false), /for suite sm/);
  for (const bytes of [documentV2({ domain: 'safehouse/attestation/v1' }), documentV2({ suite: 'SM' })]) {
    const attestation = { documentBase64: b64(bytes), signatureBase64: b64(tink.sign(bytes)) };
    await assert.rejects(verifyAttestation(attestation, tink.text, 'ab'.repeat(32), '01'.repeat(32), false), /malformed/);
  }
  await assert.rejects(verifyAttestation(served, 'not a key', sm.measurement, sm.nonceHex, true), /not usable/);
});

test('the document decodes strictly: truncated or with a trailing byte it is malformed', () => {
  const bytes = Buffer.from(sm.documentBase64, 'base64');
  assert.equal(decodeAttestation(new Uint8Array(bytes)).measurement, sm.measurement);
  assert.throws(() => decodeAttestation(new Uint8Array(bytes.subarray(0, bytes.length - 1))), /malformed/);
  assert.throws(() => decodeAttestation(new Uint8Array(Buffer.concat([bytes, Buffer.of(0)]))), /malformed/);
});
