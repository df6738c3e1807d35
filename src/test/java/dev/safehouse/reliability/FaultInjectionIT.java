package dev.safehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.testing.ScriptRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    ScriptRun run =
        ScriptRun.of(
            "reliability/" + script,
            List.of(args),
            Map.of(),
            Path.of("target", "reliability", script.replace(".sh", ".out")),
            Duration.ofMinutes(6));
    assertThat(run.ended())
        .as("%s ended within 6 minutes; output ends:%n%s", script, run.tail())
        .isTrue();
    assertThat(run.exitStatus())
        .as("%s exit status; output ends:%n%s", script, run.tail())
        .isZero();
    assertThat(run.tail()).as("%s verdict", script).contains("PASS");
  }
}
