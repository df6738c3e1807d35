package dev.safehouse.cli.audit;

import dev.safehouse.audit.Checkpoint;
import dev.safehouse.audit.MerkleHasher;
import dev.safehouse.audit.MerkleProofs;
import dev.safehouse.audit.ProofException;
import java.io.IOException;
import java.util.Objects;

/**
 * Finds the first locally held entry that differs from the signed log, by binary search over prefix
 * sizes: a prefix {@code [0, m)} is genuine if the server's consistency proof from {@code m} to the
 * signed size verifies against the locally computed {@code root(m)} and the signed root.
 *
 * <h2>Security guarantees</h2>
 *
 * A prefix reported genuine is one, unless SHA-256 is broken: a verifying consistency proof binds
 * the local prefix root to the signed root. The search assumes that genuine prefixes are closed
 * downwards, which holds for an honest server; a server that withholds valid proofs can only make
 * the reported index smaller, never hide a bad entry below it.
 */
public final class FirstBadIndex {
  private final MerkleProofs local;
  private final Checkpoint signed;
  private final AuditLogSource source;
  private final MerkleHasher hasher;

  /**
   * Creates a search.
   *
   * @param local the locally computed tree over the entries as served
   * @param signed the verified checkpoint
   * @param source where consistency proofs come from
   */
  public FirstBadIndex(
      MerkleProofs local, Checkpoint signed, AuditLogSource source, MerkleHasher hasher) {
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.local = Objects.requireNonNull(local, "local");
    this.signed = Objects.requireNonNull(signed, "signed");
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * Returns whether the local prefix {@code [0, m)} is a prefix of the signed log. Requires {@code
   * 0 <= m <= min(local size, signed size)}.
   *
   * @throws IOException if a proof cannot be fetched
   * @throws InterruptedException if interrupted while fetching
   */
  public boolean genuinePrefix(long m) throws IOException, InterruptedException {
    if (m == 0) {
      return true;
    }
    if (m == signed.size()) {
      return local.root(m).equals(signed.root());
    }
    try {
      source.consistency(m, signed.size()).verify(local.root(m), signed.root(), hasher);
      return true;
    } catch (ProofException e) {
      return false;
    }
  }

  /**
   * Returns the largest {@code m < bad} such that the prefix {@code [0, m)} is genuine: entry
   * {@code m} is the first that does not match. Requires that the prefix {@code [0, bad)} is not
   * genuine and {@code 0 < bad <= min(local size, signed size)}.
   *
   * @throws IOException if a proof cannot be fetched
   * @throws InterruptedException if interrupted while fetching
   */
  public long below(long bad) throws IOException, InterruptedException {
    long good = 0;
    long notGood = bad;
    while (notGood - good > 1) {
      long mid = good + (notGood - good) / 2;
      if (genuinePrefix(mid)) {
        good = mid;
      } else {
        notGood = mid;
      }
    }
    return good;
  }
}
