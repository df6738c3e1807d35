package dev.safehouse.audit;

import java.util.List;
import java.util.Objects;

/**
 * Proof that a released result was logged first: the entry's leaf index and hash, the signed
 * checkpoint of a tree that contains it, and the inclusion proof from the leaf to that checkpoint's
 * root. Anyone holding the receipt, the entry's bytes and the log key (from a verified attestation)
 * can check it offline: {@code safehouse audit verify-receipt}.
 *
 * @param leafIndex the entry's index in the log
 * @param leafHash base64 of {@code SHA-256(0x00 ‖ entry)}
 * @param treeSize the size of the checkpoint's tree
 * @param checkpoint the enclave-signed checkpoint (C2SP signed note)
 * @param inclusionProof base64 hashes from the leaf up to the root
 */
public record Receipt(
    long leafIndex,
    String leafHash,
    long treeSize,
    String checkpoint,
    List<String> inclusionProof) {
  /** Validates presence and copies the proof. */
  public Receipt {
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(checkpoint, "checkpoint");
    inclusionProof = List.copyOf(inclusionProof);
  }
}
