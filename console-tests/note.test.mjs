// The console's signed-note checks (note.js, as the browser runs it) with a key made here: a
// checkpoint signed by the key opens; a flipped signature byte, another key, a changed body or a
// signature under another name does not.
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { test } from 'node:test';
import { ed25519KeyHash, openCheckpoint } from '../src/main/resources/META-INF/resources/console/js/note.js';

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { raw: Uint8Array.from(Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url')), privateKey };
}

function keyHash(name, raw) {
  return createHash('sha256').update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.of(1), raw])).digest().subarray(0, 4);
}

function signedNote(text, name, key) {
  const signature = sign(null, Buffer.from(text), key.privateKey);
  return `${text}\n\u2014 ${name} ${Buffer.concat([keyHash(name, key.raw), signature]).toString('base64')}\n`;
}

const ROOT = Buffer.alloc(32, 7).toString('base64');
const TEXT = `example.org/log\n5\n${ROOT}\n`;

test('the note key hash is SHA-256(name, 0x0A, 0x01, key) cut to 4 bytes', async () => {
  const key = keyPair();
  assert.equal(await ed25519KeyHash('example.org/log', key.raw), keyHash('example.org/log', key.raw).toString('hex'));
});

test('a checkpoint signed by the log key opens, with its size and root', async () => {
  const key = keyPair();
  const opened = await openCheckpoint(signedNote(TEXT, 'example.org/log', key), key.raw);
  assert.equal(opened.verified, true);
  assert.equal(opened.checkpoint.size, 5);
  assert.equal(opened.checkpoint.rootBase64, ROOT);
});

test('a flipped signature byte, another key, a changed body or another name does not verify', async () => {
  const key = keyPair();
  const note = signedNote(TEXT, 'example.org/log', key);
  const at = note.length - 10;
  const flipped = note.substring(0, at) + (note[at] === 'A' ? 'B' : 'A') + note.substring(at + 1);
  assert.equal((await openCheckpoint(flipped, key.raw)).verified, false);
  assert.match((await openCheckpoint(note, keyPair().raw)).reason, /no signature by example.org\/log/);
  assert.equal((await openCheckpoint(note.replace('\n5\n', '\n6\n'), key.raw)).verified, false);
  const other = await openCheckpoint(signedNote(TEXT, 'other.org/log', key), key.raw);
  assert.equal(other.verified, false);
  await assert.rejects(openCheckpoint(`${TEXT}no signatures\n`, key.raw));
});
