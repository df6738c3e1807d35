package dev.safehouse.enclave.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnclaveCommandTest {
  private static final Path SOCKET = Path.of("/tmp/x/enclave.sock");

  @Test
  void classpath_explicit_winsOverEverything() {
    assertThat(EnclaveCommand.classpath(Optional.of("/opt/a.jar"), "/q/quarkus-run.jar"))
        .isEqualTo("/opt/a.jar");
  }

  @Test
  void classpath_relativeEntries_becomeAbsolute_sinceTheChildRunsElsewhere() {
    String cwd = Path.of("").toAbsolutePath().toString();
    assertThat(EnclaveCommand.classpath(Optional.of("lib/*"), "/q/quarkus-run.jar"))
        .isEqualTo(cwd + "/lib/*");
    assertThat(
            EnclaveCommand.classpath(
                Optional.empty(), "target/classes" + File.pathSeparator + "/abs/x.jar"))
        .isEqualTo(cwd + "/target/classes" + File.pathSeparator + "/abs/x.jar");
  }

  @Test
  void classpath_singleQuarkusRunJar_usesFastJarLayout() {
    assertThat(EnclaveCommand.classpath(Optional.empty(), "/srv/quarkus-app/quarkus-run.jar"))
        .isEqualTo("/srv/quarkus-app/app/*" + File.pathSeparator + "/srv/quarkus-app/lib/main/*");
  }

  @Test
  void classpath_ordinaryClassPath_isKeptAsIs() {
    String testPath = "/p/classes" + File.pathSeparator + "/p/test-classes";
    assertThat(EnclaveCommand.classpath(Optional.empty(), testPath)).isEqualTo(testPath);
    assertThat(EnclaveCommand.classpath(Optional.empty(), "/p/other.jar"))
        .isEqualTo("/p/other.jar");
  }

  @Test
  void classpath_empty_fails() {
    assertThatThrownBy(() -> EnclaveCommand.classpath(Optional.empty(), ""))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void command_withShell_wrapsJavaInCoreLimitScript() {
    EnclaveCommand command =
        EnclaveCommand.of(
            EnclaveSettings.defaults().withJavaCommand(Path.of("/jdk/bin/java")),
            SOCKET,
            "/cp",
            true);

    assertThat(command.coreDumpsDisabled()).isTrue();
    assertThat(command.argv())
        .startsWith("/bin/sh", "-c", "ulimit -c 0 && exec \"$@\"", "sh", "/jdk/bin/java")
        .containsSubsequence(EnclaveCommand.HARDENING_OPTIONS)
        .endsWith("-cp", "/cp", EnclaveCommand.MAIN_CLASS, SOCKET.toString());
  }

  @Test
  void command_withoutShell_startsJavaDirectly() {
    EnclaveCommand command =
        EnclaveCommand.of(
            EnclaveSettings.defaults().withExtraJvmOptions(List.of("-Xmx1g")),
            SOCKET,
            "/cp",
            false);

    assertThat(command.coreDumpsDisabled()).isFalse();
    assertThat(command.argv().get(0)).endsWith("java");
    // Extra options follow the defaults, so the later -Xmx wins.
    assertThat(command.argv()).containsSubsequence("-Xmx2g", "-Xmx1g", "-cp");
  }

  @Test
  void settings_optionsThatWeakenIsolation_areRejected() {
    for (String option :
        List.of(
            "-javaagent:x.jar",
            "-agentlib:jdwp=transport=dt_socket",
            "-XX:-DisableAttachMechanism",
            "-XX:+CreateCoredumpOnCrash",
            "-Dcom.sun.management.jmxremote",
            "-cp",
            "Xmx1g",
            "-Xmx1g -javaagent:x")) {
      assertThatThrownBy(
              () -> EnclaveSettings.defaults().withExtraJvmOptions(List.of(option)), option)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void settings_invalidDurations_areRejected() {
    EnclaveSettings defaults = EnclaveSettings.defaults();
    assertThatThrownBy(() -> defaults.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                defaults.withBackoff(
                    Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withClasspath(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void backoff_doublesToMaxAndResetsAfterStablePeriod() {
    RestartBackoff backoff =
        new RestartBackoff(Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(30));
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      delays.add(backoff.next(Duration.ofSeconds(29)).toMillis());
    }
    assertThat(delays).containsExactly(250L, 500L, 1000L, 2000L, 4000L, 8000L, 10000L, 10000L);
    assertThat(backoff.next(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(250));
    assertThat(backoff.next(Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void sessionToken_is64HexCharsAndRedacted() {
    SessionToken token = SessionToken.random(new SecureRandom());
    String line = new String(token.line(), StandardCharsets.US_ASCII);
    assertThat(line).matches("[0-9a-f]{64}\n");
    assertThat(token.matches(line.strip())).isTrue();
    assertThat(token.matches(line.strip().toUpperCase())).isFalse();
    assertThat(token.toString()).doesNotContain(line.strip());
  }
}
