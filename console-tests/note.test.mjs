// The console's signed-note checks (note.js, as the browser runs it) with a key made here: a
// checkpoint signed by the key opens; a flipped signature byte, another key, a changed body or a
// signature under another name does not. For the "sm" suite, a checkpoint signed with SM2 by the
// service's Java Sm2SigningKey (fixtures/sm.json) opens under its SPKI and its verifier key, and
// not when changed, under another key, or as if it were Ed25519.
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import {
  ed25519KeyHash, openCheckpoint, openCheckpointWithVerifierKey, parseVerifierKey, sm2KeyHash,
} from '../src/main/resources/META-INF/resources/console/js/note.js';
import { sm3 } from '../src/main/resources/META-INF/resources/console/js/sm3.js';

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

const fixtures = JSON.parse(readFileSync(new URL('./fixtures/sm.json', import.meta.url)));
const sm = fixtures.note;
const smKey = Uint8Array.from(Buffer.from(sm.publicKey, 'base64'));
const flipChar = (text, at) => text.substring(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.substring(at + 1);

test('sm: the note key hash is SM3(name, 0x0A, 0xFF "safehouse/sm2-sm3", SPKI) cut to 4 bytes', () => {
  const type = Buffer.concat([Buffer.of(0xff), Buffer.from('safehouse/sm2-sm3')]);
  const expected = Buffer.from(sm3(Buffer.concat([Buffer.from(`${sm.keyName}\n`), type, smKey]))).subarray(0, 4).toString('hex');
  assert.equal(sm2KeyHash(sm.keyName, smKey), expected);
  assert.equal(sm2KeyHash(sm.keyName, smKey), sm.keyIdHex);
  assert.notEqual(sm2KeyHash('other.org/log', smKey), sm.keyIdHex);
});

test('sm: a checkpoint signed with SM2 by the Java key opens under its SPKI and under its verifier key', async () => {
  const opened = await openCheckpoint(sm.note, smKey, 'sm');
  assert.equal(opened.verified, true, opened.reason);
  assert.equal(opened.keyHash, sm.keyIdHex);
  assert.equal(opened.checkpoint.size, 13);
  assert.equal(opened.checkpoint.root.length, 32);
  const viaVerifier = await openCheckpointWithVerifierKey(sm.note, sm.verifierKey);
  assert.equal(viaVerifier.verified, true, viaVerifier.reason);
  assert.equal(viaVerifier.suite, 'sm');
});

test('sm: a flipped signature byte, a changed body, another key or the Ed25519 rules do not verify', async () => {
  const at = sm.note.length - 10;
  assert.equal((await openCheckpoint(flipChar(sm.note, at), smKey, 'sm')).verified, false, 'flipped signature');
  assert.equal((await openCheckpoint(sm.note.replace('\n13\n', '\n14\n'), smKey, 'sm')).verified, false, 'changed size');
  const other = Uint8Array.from(Buffer.from(fixtures.sm2[0].publicKey, 'base64'));
  assert.match((await openCheckpoint(sm.note, other, 'sm')).reason, /no signature by safehouse.example\/audit/);
  assert.equal((await openCheckpoint(sm.note, smKey, 'intl')).verified, false, 'as if Ed25519');
  assert.equal((await openCheckpointWithVerifierKey(flipChar(sm.note, at), sm.verifierKey)).verified, false);
});

test('verifier keys: both types read; a wrong key hash, name, type or key is refused', async () => {
  const parsed = await parseVerifierKey(sm.verifierKey);
  assert.deepEqual([parsed.name, parsed.keyHash, parsed.suite], [sm.keyName, sm.keyIdHex, 'sm']);
  assert.deepEqual(parsed.key, smKey);
  const ed = keyPair();
  const edHash = keyHash('example.org/log', ed.raw).toString('hex');
  const edText = `example.org/log+${edHash}+${Buffer.concat([Buffer.of(1), ed.raw]).toString('base64')}`;
  assert.equal((await parseVerifierKey(edText)).suite, 'intl');
  const note = signedNote(TEXT, 'example.org/log', ed);
  assert.equal((await openCheckpointWithVerifierKey(note, edText)).verified, true);
  assert.equal((await openCheckpointWithVerifierKey(note, sm.verifierKey)).verified, false, 'another name');

  const [name, hash, key] = [sm.keyName, sm.keyIdHex, sm.verifierKey.substring(sm.keyName.length + 10)];
  const wrongHash = `${hash.substring(0, 7)}${hash[7] === '0' ? '1' : '0'}`;
  await assert.rejects(parseVerifierKey(`${name}+${wrongHash}+${key}`), /hash is not/);
  await assert.rejects(parseVerifierKey(`other.org/log+${hash}+${key}`), /hash is not/);
  const bytes = Buffer.from(key, 'base64');
  const otherType = Buffer.from(bytes);
  otherType[1] ^= 1;
  await assert.rejects(parseVerifierKey(`${name}+${hash}+${otherType.toString('base64')}`), /unknown type/);
  const badPoint = Buffer.from(bytes);
  badPoint[badPoint.length - 1] ^= 1;
  await assert.rejects(parseVerifierKey(`${name}+${hash}+${badPoint.toString('base64')}`), /not on sm2p256v1/);
  await assert.rejects(parseVerifierKey(`${name}+${hash}`), /malformed/);
});
