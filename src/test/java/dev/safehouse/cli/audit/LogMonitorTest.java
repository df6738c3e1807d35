package dev.safehouse.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.audit.Checkpoint;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Signer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "{0}")
@MethodSource("dev.safehouse.testing.TestSuite#all")
class LogMonitorTest {
  @Parameter CryptoSuite suite;

  static Signer key;
  static TestLog log;

  @TempDir Path dir;
  final StringWriter out = new StringWriter();

  @BeforeParameterizedClassInvocation
  static void log(CryptoSuite suite) {
    key = suite.newSigner();
    log = TestLog.of(key, 41, 30);
  }

  private Path state() {
    return dir.resolve("audit-monitor.json");
  }

  private Checkpoint run(TestLog served, long size, boolean full) throws Exception {
    return new LogMonitor(served, new PrintWriter(out, true))
        .run(served.note(size), key.verifier(), state(), full);
  }

  @Test
  void run_firstThenGrown_printsEachStepAndAdvancesTheState() throws Exception {
    run(log, 12, false);
    assertThat(MonitorState.read(state()).orElseThrow().treeSize()).isEqualTo(12);

    run(log, 30, true);

    assertThat(out.toString())
        .contains("checkpoint size 12 root ")
        .contains("signed by safehouse.local/audit (key hash ")
        .contains("monitoring starts here")
        .contains("consistent with previous checkpoint of size 12")
        .contains("recomputed root from 30 entries matches")
        .contains("state saved to " + state());
    assertThat(MonitorState.read(state()).orElseThrow())
        .isEqualTo(MonitorState.of(log.checkpoint(30), key.verifier()));
  }

  @Test
  void run_forkAfterAGoodRun_failsAndKeepsTheState() throws Exception {
    run(log, 20, false);
    String before = Files.readString(state());
    TestLog forked = log.fork(15, 10, 5);

    assertThatThrownBy(() -> run(forked, 25, false))
        .isInstanceOf(VerificationFailure.class)
        .hasMessageStartingWith("consistency proof from 20 to 25 does not verify");
    assertThat(Files.readString(state())).isEqualTo(before);
  }

  @Test
  void run_truncatedLog_failsAndKeepsTheState() throws Exception {
    run(log, 20, false);
    String before = Files.readString(state());

    assertThatThrownBy(() -> run(log, 18, false))
        .hasMessage("the log shrank from 20 to 18: truncation or fork");
    assertThat(Files.readString(state())).isEqualTo(before);
  }

  @Test
  void run_tamperedEntryWithFull_failsAndWritesNoState() throws Exception {
    TestLog tampered = TestLog.of(key, 41, 30);
    tampered.serve(tampered.tamperedAt(9));

    assertThatThrownBy(() -> run(tampered, 30, true))
        .hasMessage("entry 9 does not match the signed log");
    assertThat(state()).doesNotExist();
  }

  @Test
  void run_checkpointByAnotherKey_failsAndWritesNoState() {
    String note = log.checkpoint(30).sign(TestLog.ORIGIN, key.suite().newSigner());

    assertThatThrownBy(
            () ->
                new LogMonitor(log, new PrintWriter(out)).run(note, key.verifier(), state(), false))
        .hasMessageStartingWith("checkpoint signature does not verify under the attested log key");
    assertThat(state()).doesNotExist();
  }

  @Test
  void run_anotherOrigin_isRefused() throws Exception {
    run(log, 10, false);
    TestLog other = new TestLog(key, "other.example/log", log.entries);

    assertThatThrownBy(() -> run(other, 12, false))
        .hasMessageStartingWith("the monitor state is for origin 'safehouse.local/audit'");
  }

  @Test
  void run_anotherKey_isRefused() throws Exception {
    run(log, 10, false);
    Signer rekeyed = key.suite().newSigner();
    String note = log.checkpoint(12).sign(TestLog.ORIGIN, rekeyed);

    assertThatThrownBy(
            () ->
                new LogMonitor(log, new PrintWriter(out))
                    .run(note, rekeyed.verifier(), state(), false))
        .hasMessageStartingWith("the log key differs from the one in the monitor state");
    assertThat(MonitorState.read(state()).orElseThrow().treeSize()).isEqualTo(10);
  }
}
