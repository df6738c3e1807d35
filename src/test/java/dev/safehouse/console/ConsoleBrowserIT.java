package dev.safehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.testing.ScriptRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the console's browser tests ({@code console-tests/run.sh}): the packaged service with demo
 * data, headless Debian Chromium driven by playwright-core, one {@code node:test} file per role
 * (auditor, institution, enterprise) plus the Merkle verifier against the repository's vectors. The
 * script installs playwright-core with {@code npm ci} when it is missing. Screenshots go to {@code
 * target/console-screenshots} here, so that a build leaves {@code docs/images/} as committed; run
 * the script by hand to refresh those.
 */
class ConsoleBrowserIT {
  @Test
  void consoleBrowserTests_pass() throws Exception {
    assertPasses(
        Map.of(
            "CONSOLE_SCREENSHOTS",
            Path.of("target", "console-screenshots").toAbsolutePath().toString()),
        Path.of("target", "console-tests.out"));
  }

  /**
   * The auditor's and the institution's in-browser verification under the {@code sm} suite: SM3
   * leaves and paths, SM2 checkpoint and attestation signatures, each tampered part failing at its
   * step, as under {@code intl}.
   */
  @Test
  void consoleBrowserTests_passUnderTheSmSuite() throws Exception {
    assertPasses(
        Map.of(
            "SUITE",
            "sm",
            "CONSOLE_TESTS",
            "console-tests/auditor.test.mjs console-tests/institution.test.mjs",
            "CONSOLE_SCREENSHOTS",
            Path.of("target", "console-screenshots-sm").toAbsolutePath().toString()),
        Path.of("target", "console-tests-sm.out"));
  }

  private static void assertPasses(Map<String, String> env, Path out) throws Exception {
    ScriptRun run =
        ScriptRun.of("console-tests/run.sh", List.of(), env, out, Duration.ofMinutes(8));
    assertThat(run.ended())
        .as("console tests ended within 8 minutes; output ends:%n%s", run.tail())
        .isTrue();
    assertThat(run.exitStatus())
        .as("console tests exit status; output ends:%n%s", run.tail())
        .isZero();
    assertThat(run.tail()).contains("# fail 0").contains("PASS");
  }
}
