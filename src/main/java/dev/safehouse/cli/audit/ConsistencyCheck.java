package dev.safehouse.cli.audit;

import dev.safehouse.audit.Checkpoint;
import dev.safehouse.audit.ConsistencyProof;
import dev.safehouse.audit.MerkleHasher;
import dev.safehouse.audit.ProofException;
import java.io.IOException;

/**
 * Checks that a newly verified checkpoint extends the one a monitor verified before: the log only
 * grew, and the old tree is a prefix of the new one (RFC 9162 §2.1.4).
 *
 * <h2>Security guarantees</h2>
 *
 * If {@link #check} returns, every entry covered by the previous checkpoint is at the same position
 * in the new one, unless SHA-256 is broken: the log was neither truncated nor rewritten between the
 * two. The caller must have verified both checkpoints' signatures and the same origin and key (see
 * {@link MonitorState#requireSameLog}). Not guaranteed: that other clients see the same checkpoint
 * (a split view) — compare checkpoints with other monitors for that.
 */
public final class ConsistencyCheck {
  private ConsistencyCheck() {}

  /**
   * Checks {@code current} against {@code previous}, fetching a consistency proof if it grew.
   *
   * @return a one-line description of what was established
   * @throws VerificationFailure if the log shrank, holds another root at the same size, or the
   *     proof does not verify
   * @throws IOException if the proof cannot be fetched
   * @throws InterruptedException if interrupted while fetching
   */
  public static String check(
      MonitorState previous, Checkpoint current, AuditLogSource source, MerkleHasher hasher)
      throws IOException, InterruptedException {
    long a = previous.treeSize();
    long b = current.size();
    if (b < a) {
      throw new VerificationFailure(
          "the log shrank from " + a + " to " + b + ": truncation or fork");
    }
    if (b == a) {
      if (!previous.root().equals(current.root())) {
        throw new VerificationFailure("fork: the log has two different signed roots for size " + a);
      }
      return "unchanged since the previous checkpoint of size " + a;
    }
    if (a == 0) {
      // Every tree extends the empty tree; RFC 9162 defines no proof from size 0.
      return "consistent with previous checkpoint of size 0 (empty log)";
    }
    try {
      ConsistencyProof proof = source.consistency(a, b);
      proof.verify(previous.root(), current.root(), hasher);
    } catch (ProofException e) {
      throw new VerificationFailure(
          "consistency proof from "
              + a
              + " to "
              + b
              + " does not verify: "
              + e.getMessage()
              + "; the log was rewritten (fork or truncation)");
    }
    return "consistent with previous checkpoint of size " + a;
  }
}
