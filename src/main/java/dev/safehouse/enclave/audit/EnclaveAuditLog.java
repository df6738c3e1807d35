package dev.safehouse.enclave.audit;

import dev.safehouse.audit.Checkpoint;
import dev.safehouse.audit.LeafHash;
import dev.safehouse.audit.MerkleFrontier;
import dev.safehouse.audit.MerkleHasher;
import dev.safehouse.audit.NoteException;
import dev.safehouse.audit.NoteSigner;
import dev.safehouse.audit.ProofException;
import dev.safehouse.audit.SignedCheckpoint;
import dev.safehouse.crypto.Signer;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log as the enclave sees it: an origin, the compact frontier of the tree, and the key
 * that signs its checkpoints.
 *
 * <h2>Security guarantees</h2>
 *
 * <ul>
 *   <li>A checkpoint is signed only for a root this object computed from the entries it hashed
 *       itself, on top of a state it either started empty or resumed from a checkpoint carrying its
 *       own signature whose subtrees fold to that checkpoint's root.
 *   <li>Within the enclave's lifetime the log only grows: once resumed it never accepts another
 *       starting point, so the host cannot obtain two different checkpoints of one size from it.
 * </ul>
 *
 * Not guaranteed: across enclave restarts the host could resume from an older checkpoint and fork
 * the log from there; a monitor keeping the last checkpoint it saw detects that as a failed
 * consistency proof (see {@code safehouse audit verify}). Not thread-safe: the enclave serves one
 * request at a time.
 */
public final class EnclaveAuditLog {
  /** Most entries one append may carry. */
  public static final int MAX_BATCH = 4096;

  private MerkleHasher hasher;
  private String origin;
  private MerkleFrontier frontier;

  /** Thrown when a request would break the log's rules; the message is safe to return. */
  public static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  /**
   * Starts or resumes the log.
   *
   * @param key the enclave's signing key, whose signature {@code checkpointNote} must carry; its
   *     suite chooses the Merkle hash (SHA-256 or SM3) and the note signature (Ed25519 or SM2)
   * @param checkpointNote the latest checkpoint, or empty to start an empty log
   * @param subtreeRoots the perfect subtree roots of that checkpoint's tree, largest first
   * @return the log's size
   * @throws RefusedException if already resumed at another state, or the note or subtrees do not
   *     check out
   */
  public long resume(String origin, Signer key, String checkpointNote, List<byte[]> subtreeRoots)
      throws RefusedException {
    MerkleHasher suiteHasher = MerkleHasher.forSuite(key.suite());
    MerkleFrontier resumed;
    try {
      NoteSigner.of(origin, key); // validates the origin as a key name
      if (checkpointNote.isEmpty()) {
        if (!subtreeRoots.isEmpty()) {
          throw new RefusedException("an empty log has no subtrees");
        }
        resumed = new MerkleFrontier(suiteHasher);
      } else {
        Checkpoint checkpoint = SignedCheckpoint.parse(checkpointNote, origin, key.verifier());
        List<LeafHash> roots = new ArrayList<>();
        for (byte[] root : subtreeRoots) {
          roots.add(LeafHash.fromUntrusted(root, "a subtree root"));
        }
        resumed = MerkleFrontier.restore(suiteHasher, checkpoint.size(), roots);
        if (!resumed.root().equals(checkpoint.root())) {
          throw new RefusedException("the subtrees do not fold to the checkpoint's root");
        }
      }
    } catch (NoteException | ProofException | IllegalArgumentException e) {
      throw new RefusedException("the checkpoint does not check out: " + e.getMessage());
    }
    if (frontier != null) {
      if (origin.equals(this.origin)
          && frontier.size() == resumed.size()
          && frontier.root().equals(resumed.root())) {
        return frontier.size();
      }
      throw new RefusedException(
          "the log already stands at size " + frontier.size() + " and never goes back");
    }
    this.origin = origin;
    this.hasher = suiteHasher;
    this.frontier = resumed;
    return frontier.size();
  }

  /**
   * Appends entries and signs the checkpoint of the grown log.
   *
   * @param treeSize the size the caller believes the log has
   * @return the signed checkpoint note
   * @throws RefusedException if the log was not resumed, the size differs, or the batch is too big
   */
  public String append(long treeSize, List<byte[]> entries, Signer key) throws RefusedException {
    if (frontier == null) {
      throw new RefusedException("the audit log has not been resumed");
    }
    if (treeSize != frontier.size()) {
      throw new RefusedException("the log stands at size " + frontier.size() + ", not " + treeSize);
    }
    if (entries.size() > MAX_BATCH) {
      throw new RefusedException("at most " + MAX_BATCH + " entries per append");
    }
    for (byte[] entry : entries) {
      frontier.append(hasher.leaf(entry));
    }
    return new Checkpoint(origin, frontier.size(), frontier.root()).sign(origin, key);
  }

  /** Returns the log's size, or -1 before it was resumed. */
  public long size() {
    return frontier == null ? -1 : frontier.size();
  }
}
