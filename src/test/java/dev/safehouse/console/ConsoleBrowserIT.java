package dev.safehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    Path out = Path.of("target", "console-tests.out");
    Files.createDirectories(out.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(List.of("bash", "console-tests/run.sh"))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    builder
        .environment()
        .put(
            "CONSOLE_SCREENSHOTS",
            Path.of("target", "console-screenshots").toAbsolutePath().toString());
    Process p = builder.start();
    boolean ended = p.waitFor(8, TimeUnit.MINUTES);
    if (!ended) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String output = tail(out);
    assertThat(ended).as("console tests ended within 8 minutes; output ends:%n%s", output).isTrue();
    assertThat(p.exitValue()).as("console tests exit status; output ends:%n%s", output).isZero();
    assertThat(output).contains("# fail 0").contains("PASS");
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
