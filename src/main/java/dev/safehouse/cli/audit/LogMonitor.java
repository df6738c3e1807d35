package dev.safehouse.cli.audit;

import dev.safehouse.audit.Checkpoint;
import dev.safehouse.crypto.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * One monitoring run over an already fetched checkpoint note: verify its signature under the log
 * key, check it extends the checkpoint remembered in the state file, optionally replay every entry
 * ({@link LogReplay}), and only then remember it. Prints one line per step.
 *
 * <h2>Security guarantees</h2>
 *
 * The state file is written only after every requested check passed, so a failed run never moves
 * the monitor's baseline. Not guaranteed: that the log key is the right one — the caller supplies
 * it from a verified attestation.
 */
public final class LogMonitor {
  private final AuditLogSource source;
  private final PrintWriter out;

  /**
   * Creates a monitor.
   *
   * @param source where consistency proofs and entries come from
   * @param out receives one line per step
   */
  public LogMonitor(AuditLogSource source, PrintWriter out) {
    this.source = Objects.requireNonNull(source, "source");
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Runs the checks and, if all pass, saves the new state.
   *
   * @param note the checkpoint note as served
   * @param logKey the attested log key
   * @param stateFile the monitor state file (read if present, replaced on success)
   * @param full whether to download and replay every entry
   * @return the verified checkpoint
   * @throws VerificationFailure at the first check that fails; the state file is unchanged
   * @throws IllegalArgumentException if the state file exists but is unreadable or invalid
   * @throws IOException if proofs or entries cannot be fetched, or the state cannot be written
   * @throws InterruptedException if interrupted while fetching
   */
  public Checkpoint run(String note, Verifier logKey, Path stateFile, boolean full)
      throws IOException, InterruptedException {
    CheckpointVerifier verifier = new CheckpointVerifier(logKey, "the attested log key");
    Checkpoint checkpoint = verifier.verify(note);
    out.printf(
        "checkpoint size %d root %s signed by %s (key hash %s)%n",
        checkpoint.size(),
        Base64.getEncoder().encodeToString(checkpoint.root().bytes()),
        checkpoint.origin(),
        verifier.keyHash(checkpoint.origin()));
    Optional<MonitorState> previous = MonitorState.read(stateFile);
    if (previous.isPresent()) {
      previous.get().requireSameLog(checkpoint.origin(), logKey);
      out.println(ConsistencyCheck.check(previous.get(), checkpoint, source, verifier.hasher()));
    } else {
      out.printf("no previous checkpoint in %s: monitoring starts here%n", stateFile);
    }
    if (full) {
      ReplayOutcome outcome = new LogReplay(source, out).replay(checkpoint, verifier.suite());
      if (!outcome.matches()) {
        throw new VerificationFailure(outcome.describe());
      }
      out.println(outcome.describe());
    }
    MonitorState.of(checkpoint, logKey).write(stateFile);
    out.printf("state saved to %s%n", stateFile);
    return checkpoint;
  }
}
