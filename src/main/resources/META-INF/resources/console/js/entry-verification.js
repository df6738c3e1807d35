// Fetches the evidence for one entry (log key, latest checkpoint, inclusion proof) and verifies it.
import { getJson, getText } from './api.js';
import { verifyEvidence } from './evidence.js';
import { attestedLogKey } from './log-key.js';
import { parseCheckpoint, parseNote } from './note.js';

/** Describes where the key came from, for the log key step. */
export function keySource(key) {
  return `Taken from the service's attestation (GET /v1/enclave/attestation, fresh nonce; measurement ${key.measurement.substring(0, 16)}…${key.debug ? ', DEBUG enclave' : ''}). The console does not check the platform's signature on it: compare the key id with your pinned value.`;
}

/** Verifies the inclusion of an entry (index, exact bytes) in the latest signed checkpoint. */
export async function verifyEntry(index, bytes) {
  const key = await attestedLogKey();
  const note = await getText('/v1/audit/checkpoint');
  let size;
  try {
    size = parseCheckpoint(parseNote(note).text).size;
  } catch {
    size = index + 1;
  }
  const proof = await getJson(`/v1/audit/proofs/inclusion?index=${index}&treeSize=${size}`);
  return verifyEvidence({
    key, note, index, treeSize: proof.treeSize, leafHash: proof.leafHash, path: proof.proof,
    entry: bytes, keySource: keySource(key),
  });
}

/** Verifies a receipt (leafIndex, leafHash, treeSize, checkpoint, inclusionProof) offline. */
export async function verifyReceipt(receipt) {
  const key = await attestedLogKey();
  return verifyEvidence({
    key, note: receipt.checkpoint, index: receipt.leafIndex, treeSize: receipt.treeSize,
    leafHash: receipt.leafHash, path: receipt.inclusionProof, entry: null, keySource: keySource(key),
  });
}
