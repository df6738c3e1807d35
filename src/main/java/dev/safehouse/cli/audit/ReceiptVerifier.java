package dev.safehouse.cli.audit;

import dev.safehouse.audit.Checkpoint;
import dev.safehouse.audit.InclusionProof;
import dev.safehouse.audit.MerkleHasher;
import dev.safehouse.audit.ProofException;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies an audit receipt offline: its checkpoint's signature under the log key, that the proof
 * is for the checkpoint's tree, optionally that the leaf hash is the given entry's, and the
 * inclusion proof from the leaf to the signed root.
 *
 * <h2>Security guarantees</h2>
 *
 * If {@link #verify} returns, the log key signed a tree of {@code treeSize} leaves whose leaf
 * {@code leafIndex} is the receipt's leaf hash (and, when an entry was given, that entry), unless
 * the suite's hash or signature (SHA-256 / Ed25519, or SM3 / SM2) is broken. A receipt of another
 * suite than the log key's is refused. Not guaranteed: that the checkpoint is the log's latest, or
 * that other parties saw the same tree — monitor the log ({@code safehouse audit verify}) for that.
 */
public final class ReceiptVerifier {
  private final CheckpointVerifier checkpoints;

  /** Creates a verifier that opens receipts' checkpoints with {@code checkpoints}. */
  public ReceiptVerifier(CheckpointVerifier checkpoints) {
    this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
  }

  /**
   * Verifies {@code receipt}, and that its leaf is {@code entry} when one is given.
   *
   * @param entry the entry's exact bytes, if the caller holds them
   * @return the verified checkpoint
   * @throws VerificationFailure naming the first step that failed
   */
  public Checkpoint verify(Receipt receipt, Optional<byte[]> entry) {
    if (!receipt.suite().equals(checkpoints.suite().wireName())) {
      throw new VerificationFailure(
          "the receipt is of crypto suite "
              + receipt.suite()
              + ", the log key of suite "
              + checkpoints.suite().wireName()
              + ": a mix is refused");
    }
    Checkpoint checkpoint = checkpoints.verify(receipt.checkpoint());
    if (receipt.treeSize() != checkpoint.size()) {
      throw new VerificationFailure(
          "receipt tree size "
              + receipt.treeSize()
              + " differs from its checkpoint's "
              + checkpoint.size());
    }
    MerkleHasher hasher = checkpoints.hasher();
    if (entry.isPresent() && !hasher.leaf(entry.get()).equals(receipt.leafHash())) {
      throw new VerificationFailure("leaf hash does not match the entry");
    }
    try {
      new InclusionProof(receipt.leafIndex(), receipt.treeSize(), receipt.inclusionProof())
          .verify(receipt.leafHash(), checkpoint.root(), hasher);
    } catch (ProofException e) {
      throw new VerificationFailure("inclusion proof: " + e.getMessage());
    }
    return checkpoint;
  }
}
