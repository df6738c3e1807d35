package dev.safehouse.cli.audit;

import dev.safehouse.audit.Checkpoint;
import dev.safehouse.crypto.CryptoFailureException;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code safehouse audit verify-receipt}: verifies a saved receipt offline with {@link
 * ReceiptVerifier}, under a log key given as text or taken from a verified attestation. Exit status
 * 0 when it verifies, 1 when a step fails, 2 on usage or network errors.
 */
@Command(
    name = "verify-receipt",
    description = "Verify an audit receipt: checkpoint signature, inclusion proof, entry.",
    mixinStandardHelpOptions = true)
public final class VerifyReceiptCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--receipt", required = true, description = "the receipt JSON file")
  Path receipt;

  @Option(names = "--entry", description = "file holding the entry's exact bytes")
  Path entry;

  @Option(
      names = "--log-key",
      description = "the log key (verification key text form), instead of attesting the enclave")
  String logKey;

  @Mixin AttestationOptions attestation;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    return ExitStatus.of(
        spec.commandLine().getErr(),
        () -> {
          requireOneKeySource();
          Receipt parsed = Receipt.parse(new String(read(receipt), StandardCharsets.UTF_8));
          Optional<byte[]> entryBytes = entry == null ? Optional.empty() : Optional.of(read(entry));
          CheckpointVerifier checkpoints = checkpointVerifier(out);
          Checkpoint checkpoint = new ReceiptVerifier(checkpoints).verify(parsed, entryBytes);
          out.printf(
              "checkpoint size %d signed by %s (key hash %s)%n",
              checkpoint.size(), checkpoint.origin(), checkpoints.keyHash(checkpoint.origin()));
          if (entryBytes.isPresent()) {
            out.println("leaf hash matches the entry");
          }
          out.printf(
              "receipt verified: leaf %d is included in the signed log of size %d%n",
              parsed.leafIndex(), checkpoint.size());
        });
  }

  private void requireOneKeySource() {
    if (logKey != null && attestation.given()) {
      throw new IllegalArgumentException(
          "give either --log-key or --measurement and --platform-key, not both");
    }
    if (logKey == null && !attestation.given()) {
      throw new IllegalArgumentException("give --log-key, or --measurement and --platform-key");
    }
  }

  private CheckpointVerifier checkpointVerifier(PrintWriter out) throws Exception {
    if (logKey != null) {
      try {
        Verifier key = CryptoSuite.ofKeyText(logKey).verifierFromText(logKey);
        return new CheckpointVerifier(key, "the given log key");
      } catch (CryptoFailureException e) {
        throw new IllegalArgumentException("--log-key is not a verification key in text form");
      }
    }
    return new CheckpointVerifier(
        attestation.attestedLogKey(attestation.api(), out), "the attested log key");
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file);
    }
  }
}
