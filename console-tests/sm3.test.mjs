// The console's SM3 (sm3.js, as the browser runs it): the standard's examples (GB/T 32905 A.1, A.2)
// and the empty message from the repository's vectors, and messages of 1 to 1000 bytes (across the
// padding and block boundaries) hashed by the service's Java Sm3 (fixtures/sm.json); a flipped
// input bit changes the digest.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { sm3, sm3Async } from '../src/main/resources/META-INF/resources/console/js/sm3.js';

const vectors = JSON.parse(readFileSync(new URL('../src/test/resources/vectors/sm/sm3_sm4_sm2_vectors.json', import.meta.url)));
const fixtures = JSON.parse(readFileSync(new URL('./fixtures/sm.json', import.meta.url)));
const bytes = (h) => Uint8Array.from(Buffer.from(h, 'hex'));
const hex = (b) => Buffer.from(b).toString('hex');

test('the published SM3 examples and the empty message hash to their digests', () => {
  assert.equal(vectors.sm3.length, 3);
  for (const v of vectors.sm3) assert.equal(hex(sm3(bytes(v.msg_hex))), v.digest_hex, v.name);
});

test('messages of 1 to 1000 bytes hash as the Java Sm3 does', () => {
  assert.ok(fixtures.sm3.some((v) => v.messageHex.length / 2 > 64), 'a multi-block message');
  for (const v of fixtures.sm3) assert.equal(hex(sm3(bytes(v.messageHex))), v.digestHex, `${v.messageHex.length / 2} bytes`);
});

test('a flipped bit anywhere in the message changes the digest', () => {
  for (const v of [...fixtures.sm3, { messageHex: vectors.sm3[1].msg_hex, digestHex: vectors.sm3[1].digest_hex }]) {
    const message = bytes(v.messageHex);
    for (const at of [0, message.length >> 1, message.length - 1]) {
      const flipped = Uint8Array.from(message, (b, i) => (i === at ? b ^ 1 : b));
      assert.notEqual(hex(sm3(flipped)), v.digestHex, `bit flipped at ${at} of ${message.length}`);
    }
  }
  assert.notEqual(hex(sm3(bytes('00'))), vectors.sm3[2].digest_hex, 'one zero byte is not the empty message');
});

test('sm3Async gives the same digest as a promise, and the input is not modified', async () => {
  const message = bytes(fixtures.sm3.at(-1).messageHex);
  const copy = Uint8Array.from(message);
  assert.equal(hex(await sm3Async(message)), fixtures.sm3.at(-1).digestHex);
  assert.deepEqual(message, copy);
});
