package dev.safehouse.cli.audit;

import dev.safehouse.audit.ConsistencyProof;
import java.io.IOException;

/**
 * What the verifier asks of a log besides its checkpoint: entries and consistency proofs. The HTTP
 * implementation is {@link AuditApi}; tests serve logs built in memory.
 *
 * <h2>Security guarantees</h2>
 *
 * None: a source is untrusted. Everything it returns is checked against signed checkpoints.
 */
public interface AuditLogSource {
  /**
   * Fetches entries {@code [start, end)}; the answer may hold fewer.
   *
   * @param start the first index, at least 0
   * @param end the end (exclusive), above {@code start}
   * @throws IOException if the source cannot be reached or answers with an error or garbage
   * @throws InterruptedException if interrupted while waiting
   */
  EntryPage entries(long start, long end) throws IOException, InterruptedException;

  /**
   * Fetches the proof that the tree of {@code firstSize} leaves is a prefix of the tree of {@code
   * secondSize}.
   *
   * @param firstSize at least 1
   * @param secondSize at least {@code firstSize}
   * @throws dev.safehouse.audit.ProofException if the proof served is not one for these sizes or
   *     has the wrong shape
   * @throws IOException if the source cannot be reached or answers with an error or garbage
   * @throws InterruptedException if interrupted while waiting
   */
  ConsistencyProof consistency(long firstSize, long secondSize)
      throws IOException, InterruptedException;
}
