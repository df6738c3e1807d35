package dev.safehouse.cli.audit;

import dev.safehouse.cli.provider.ApiClient;
import dev.safehouse.crypto.Verifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code safehouse audit verify}: attests the enclave to learn the log key, verifies the latest
 * checkpoint, checks it extends the last one this monitor saw, and with {@code --full} replays the
 * whole log. Exit status 0 when every check passes, 1 on tamper evidence, 2 when the checks could
 * not be run. All verification is in {@link LogMonitor}; this class only fetches.
 */
@Command(
    name = "verify",
    description = "Verify and monitor the audit log: attestation, checkpoint, consistency.",
    mixinStandardHelpOptions = true)
public final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin AttestationOptions attestation;

  @Option(
      names = "--state",
      defaultValue = "${sys:user.home}/.safehouse/audit-monitor.json",
      description = "monitor state file (default: ${DEFAULT-VALUE})")
  Path state;

  @Option(names = "--full", description = "download every entry and recompute the root")
  boolean full;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    return ExitStatus.of(
        spec.commandLine().getErr(),
        () -> {
          if (!attestation.given()) {
            throw new IllegalArgumentException("give --measurement and --platform-key");
          }
          ApiClient api = attestation.api();
          Verifier logKey = attestation.attestedLogKey(api, out);
          AuditApi audit = new AuditApi(api);
          new LogMonitor(audit, out).run(audit.checkpoint(), logKey, state, full);
        });
  }
}
