package dev.safehouse.audit;

import java.util.List;
import java.util.Objects;

/**
 * Proof that a released result was logged first: the entry's leaf index and hash, the signed
 * checkpoint of a tree that contains it, and the inclusion proof from the leaf to that checkpoint's
 * root. Anyone holding the receipt, the entry's bytes and the log key (from a verified attestation)
 * can check it offline: {@code safehouse audit verify-receipt}.
 *
 * <p>The receipt names its crypto suite; a verifier refuses one whose suite is not the log key's
 * (attested) suite, rather than checking hashes of one suite with the other.
 *
 * @param suite the wire name of the log's crypto suite ({@code intl}: SHA-256 and Ed25519; {@code
 *     sm}: SM3 and SM2)
 * @param leafIndex the entry's index in the log
 * @param leafHash base64 of the suite's {@code H(0x00 ‖ entry)}
 * @param treeSize the size of the checkpoint's tree
 * @param checkpoint the enclave-signed checkpoint (C2SP signed note)
 * @param inclusionProof base64 hashes from the leaf up to the root
 */
public record Receipt(
    String suite,
    long leafIndex,
    String leafHash,
    long treeSize,
    String checkpoint,
    List<String> inclusionProof) {
  /** Validates presence and copies the proof. */
  public Receipt {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(checkpoint, "checkpoint");
    inclusionProof = List.copyOf(inclusionProof);
  }
}
