package dev.safehouse.cli.audit;

import dev.safehouse.audit.Checkpoint;
import dev.safehouse.audit.InMemoryMerkleNodes;
import dev.safehouse.audit.MerkleHasher;
import dev.safehouse.audit.MerkleProofs;
import dev.safehouse.crypto.CryptoSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * Downloads every entry of a signed log, recomputes the tree from their leaf hashes and compares
 * its root with the signed one; on a difference it finds the first bad index ({@link
 * FirstBadIndex}). Keeps only the tree's hashes in memory, not the entries.
 *
 * <h2>Security guarantees</h2>
 *
 * {@link ReplayOutcome.Matches} means the served entries are exactly the signed log, unless SHA-256
 * is broken. Not guaranteed: that the entries' content is truthful — only that it is what the log
 * committed to.
 */
public final class LogReplay {
  /** Entries asked for per request; the server may answer with fewer. */
  public static final int PAGE_SIZE = 1000;

  private final AuditLogSource source;
  private final PrintWriter progress;

  /**
   * Creates a replay.
   *
   * @param source where entries and proofs come from
   * @param progress receives a line per 100 000 entries downloaded
   */
  public LogReplay(AuditLogSource source, PrintWriter progress) {
    this.source = Objects.requireNonNull(source, "source");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Replays the log of {@code signed} (a verified checkpoint) with {@code suite}'s Merkle hash.
   *
   * @throws IOException if entries or proofs cannot be fetched
   * @throws InterruptedException if interrupted while fetching
   */
  public ReplayOutcome replay(Checkpoint signed, CryptoSuite suite)
      throws IOException, InterruptedException {
    MerkleHasher hasher = MerkleHasher.forSuite(suite);
    InMemoryMerkleNodes nodes = new InMemoryMerkleNodes(hasher);
    download(signed.size(), nodes, hasher);
    long served = nodes.size();
    FirstBadIndex search =
        new FirstBadIndex(
            new MerkleProofs(nodes, MerkleHasher.forSuite(suite)),
            signed,
            source,
            MerkleHasher.forSuite(suite));
    if (served == signed.size()) {
      if (nodes.root().equals(signed.root())) {
        return new ReplayOutcome.Matches(served);
      }
      return new ReplayOutcome.EntryMismatch(search.below(served));
    }
    if (search.genuinePrefix(served)) {
      return new ReplayOutcome.EntriesMissing(served, signed.size());
    }
    return new ReplayOutcome.EntryMismatch(search.below(served));
  }

  /**
   * Appends the leaf hashes of entries {@code 0, 1, …} as long as the server serves them in order,
   * up to {@code size}; stops at the first gap or when the server has no more.
   */
  private void download(long size, InMemoryMerkleNodes nodes, MerkleHasher hasher)
      throws IOException, InterruptedException {
    long reported = 0;
    while (nodes.size() < size) {
      long start = nodes.size();
      long end = Math.min(size, start + PAGE_SIZE);
      EntryPage page = source.entries(start, end);
      for (LogEntry entry : page.entries()) {
        if (entry.index() != nodes.size() || entry.index() >= size) {
          break;
        }
        nodes.append(hasher.leaf(entry.bytes()));
      }
      // next is where this range continues; none once it is served, so only a short page without
      // a next means the server has no more.
      if (nodes.size() == start || (page.next().isEmpty() && nodes.size() < end)) {
        return;
      }
      if (nodes.size() - reported >= 100_000) {
        reported = nodes.size();
        progress.printf("downloaded %d of %d entries%n", reported, size);
      }
    }
  }
}
