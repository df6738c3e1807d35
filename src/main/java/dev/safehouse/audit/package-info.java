/**
 * Tamper evidence, the storage-independent half of a Certificate-Transparency-style audit log: RFC
 * 6962 / RFC 9162 hashing ({@link dev.safehouse.audit.MerkleHasher}), the appending frontier that
 * reports completed nodes for storage ({@link dev.safehouse.audit.MerkleFrontier}), proof
 * generation from stored perfect subtrees in one batch read ({@link
 * dev.safehouse.audit.MerkleProofs} over {@link dev.safehouse.audit.MerkleNodes}), proof
 * verification ({@link dev.safehouse.audit.InclusionProof}, {@link
 * dev.safehouse.audit.ConsistencyProof}), C2SP signed-note checkpoints ({@link
 * dev.safehouse.audit.Checkpoint}, {@link dev.safehouse.audit.SignedCheckpoint}) and RFC 8785
 * canonical JSON for entries ({@link dev.safehouse.audit.CanonicalJson}), the entries themselves
 * ({@link dev.safehouse.audit.AuditEntry}) and their receipts ({@link
 * dev.safehouse.audit.Receipt}). Also the streaming root of every loaded dataset version ({@link
 * dev.safehouse.audit.MerkleRootBuilder}).
 *
 * <p>Plain Java, used inside the enclave, by the host's log storage and by the auditor's offline
 * verifier. Depends on the JDK, {@code common} and {@code crypto} (for Ed25519 keys and SM3) only.
 */
package dev.safehouse.audit;
