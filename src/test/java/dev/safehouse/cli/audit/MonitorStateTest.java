package dev.safehouse.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Signer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "{0}")
@MethodSource("dev.safehouse.testing.TestSuite#all")
class MonitorStateTest {
  @Parameter CryptoSuite suite;

  static Signer key;
  static TestLog log;

  @TempDir Path dir;

  @BeforeParameterizedClassInvocation
  static void log(CryptoSuite suite) {
    key = suite.newSigner();
    log = TestLog.of(key, 31, 5);
  }

  @Test
  void write_thenRead_roundTripsAndLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("nested/audit-monitor.json");
    MonitorState state = MonitorState.of(log.checkpoint(5), key.verifier());

    state.write(file);
    state.write(file);

    assertThat(MonitorState.read(file)).contains(state);
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void read_noFile_isEmpty() {
    assertThat(MonitorState.read(dir.resolve("absent.json"))).isEqualTo(Optional.empty());
  }

  @Test
  void read_notAState_isAUsageError() throws Exception {
    Path file = dir.resolve("state.json");
    Files.writeString(file, "{\"origin\":\"o\",\"treeSize\":\"many\"}");

    assertThatThrownBy(() -> MonitorState.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the monitor state " + file + " is not valid");
  }

  @Test
  void requireSameLog_otherOrigin_fails() {
    MonitorState state = MonitorState.of(log.checkpoint(5), key.verifier());

    assertThatThrownBy(() -> state.requireSameLog("other.example/log", key.verifier()))
        .isInstanceOf(VerificationFailure.class)
        .hasMessageStartingWith("the monitor state is for origin 'safehouse.local/audit'");
  }

  @Test
  void requireSameLog_otherKey_fails() {
    MonitorState state = MonitorState.of(log.checkpoint(5), key.verifier());

    assertThatThrownBy(
            () -> state.requireSameLog(TestLog.ORIGIN, key.suite().newSigner().verifier()))
        .hasMessageStartingWith("the log key differs from the one in the monitor state");
  }

  @Test
  void requireSameLog_sameOriginAndKey_passes() {
    MonitorState state = MonitorState.of(log.checkpoint(5), key.verifier());

    state.requireSameLog(TestLog.ORIGIN, key.verifier());
  }
}
