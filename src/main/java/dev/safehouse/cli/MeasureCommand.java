package dev.safehouse.cli;

import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Measurement;
import dev.safehouse.crypto.UnknownSuiteException;
import dev.safehouse.policy.PolicyBundle;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code safehouse measure}: computes, from a release's files, the measurement its enclave will
 * report, so a provider or auditor approves a measurement they derived themselves rather than one
 * the service told them.
 */
@Command(
    name = "measure",
    description = "Compute the enclave measurement of a packaged release and a policy bundle.",
    mixinStandardHelpOptions = true)
final class MeasureCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--app-dir",
      defaultValue = "target/quarkus-app",
      description = "the packaged application")
  Path appDir;

  @Option(names = "--policies", defaultValue = "policies", description = "the policy bundle")
  Path policies;

  @Option(
      names = "--suite",
      defaultValue = "intl",
      description = "the deployment's crypto suite, whose hash measures: intl or sm")
  String suite;

  @Override
  public Integer call() {
    Path app = appDir.toAbsolutePath();
    String classPath =
        app.resolve("app").resolve("*")
            + File.pathSeparator
            + app.resolve("lib").resolve("main").resolve("*");
    CryptoSuite measured;
    try {
      measured = CryptoSuite.fromWireName(suite);
    } catch (UnknownSuiteException e) {
      throw new IllegalArgumentException("--suite must be intl or sm");
    }
    Measurement measurement = Measurement.of(measured, classPath, PolicyBundle.hash(policies));
    spec.commandLine().getOut().println(measurement.value());
    return 0;
  }
}
