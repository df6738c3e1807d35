package dev.safehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the fault-injection scripts of {@code reliability/} against the packaged service, with a
 * smaller load than their defaults so that CI stays fast: {@code kill -9} of the enclave child and
 * of the service under concurrent score and research load, and a private PostgreSQL cluster stopped
 * under load. Each script checks its own verdict (no 500, nothing lost, every receipt in the
 * verified log, no budget charged twice or lost, no plaintext on disk) and ends with PASS.
 */
class FaultInjectionIT {
  private static final String ENTITIES = "500";
  private static final String THREADS = "4";

  @Test
  void killingTheEnclave_losesNothing_andRecoversWithoutARestart() throws Exception {
    assertPasses("kill-enclave.sh", ENTITIES, THREADS, "4");
  }

  @Test
  void killingTheService_losesNothing_andChargesNoBudgetTwice() throws Exception {
    assertPasses("kill-service.sh", ENTITIES, THREADS, "4");
  }

  @Test
  void restartingPostgres_answers503_andRecoversWithoutARestart() throws Exception {
    assertPasses("restart-postgres.sh", ENTITIES, THREADS, "12");
  }

  private static void assertPasses(String script, String... args) throws Exception {
    Path out = Path.of("target", "reliability", script.replace(".sh", ".out"));
    Files.createDirectories(out.getParent());
    List<String> command = new ArrayList<>(List.of("bash", "reliability/" + script));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    boolean ended = p.waitFor(6, TimeUnit.MINUTES);
    if (!ended) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String output = tail(out);
    assertThat(ended)
        .as("%s ended within 6 minutes; its output ends:%n%s", script, output)
        .isTrue();
    assertThat(p.exitValue()).as("%s exit status; its output ends:%n%s", script, output).isZero();
    assertThat(output).as("%s verdict", script).contains("PASS");
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
