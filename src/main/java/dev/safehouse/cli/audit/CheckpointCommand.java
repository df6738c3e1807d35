package dev.safehouse.cli.audit;

import dev.safehouse.audit.Checkpoint;
import dev.safehouse.cli.provider.ApiClient;
import dev.safehouse.crypto.Verifier;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code safehouse audit checkpoint}: attests the enclave, fetches the latest checkpoint, verifies
 * its signature under the attested log key and prints the note (for receipts, gossip or archiving).
 * Checks no history; use {@code audit verify} for that.
 */
@Command(
    name = "checkpoint",
    description = "Print the latest checkpoint after verifying it under the attested log key.",
    mixinStandardHelpOptions = true)
public final class CheckpointCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin AttestationOptions attestation;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    return ExitStatus.of(
        err,
        () -> {
          if (!attestation.given()) {
            throw new IllegalArgumentException("give --measurement and --platform-key");
          }
          ApiClient api = attestation.api();
          // Step lines go to stderr so that stdout is exactly the verified note.
          Verifier logKey = attestation.attestedLogKey(api, err);
          String note = new AuditApi(api).checkpoint();
          Checkpoint checkpoint =
              new CheckpointVerifier(logKey, "the attested log key").verify(note);
          err.printf(
              "checkpoint size %d signed by %s verified%n", checkpoint.size(), checkpoint.origin());
          out.print(note);
          out.flush();
        });
  }
}
