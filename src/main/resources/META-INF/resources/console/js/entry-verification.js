// Fetches the evidence for one entry (log key, latest checkpoint, inclusion proof) and verifies it.
// The receipt's or proof's "suite" must be the log key's (a receipt without one is "intl").
import { getJson, getText } from './api.js';
import { verifyEvidence } from './evidence.js';
import { attestedLogKey } from './log-key.js';
import { parseCheckpoint, parseNote } from './note.js';
import { receiptSuite } from './suite.js';

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
    entry: bytes, claimedSuite: proof.suite ?? null,
  });
}

/** Verifies a receipt (leafIndex, leafHash, treeSize, checkpoint, inclusionProof) offline. */
export async function verifyReceipt(receipt) {
  const key = await attestedLogKey();
  return verifyEvidence({
    key, note: receipt.checkpoint, index: receipt.leafIndex, treeSize: receipt.treeSize,
    leafHash: receipt.leafHash, path: receipt.inclusionProof, entry: null,
    claimedSuite: receiptSuite(receipt),
  });
}
