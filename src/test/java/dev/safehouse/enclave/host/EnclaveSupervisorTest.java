package dev.safehouse.enclave.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safehouse.common.EnclaveUnavailableException;
import dev.safehouse.enclave.protocol.StatusResponse;
import dev.safehouse.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Supervises the real enclave JVM: start, status, SIGKILL, restart, close. */
class EnclaveSupervisorTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration READY_WITHIN = Duration.ofSeconds(20);

  private final List<EnclaveEvent> events = new CopyOnWriteArrayList<>();
  private final List<Object> duringExit = new CopyOnWriteArrayList<>();
  private EnclaveSupervisor supervisor;

  @AfterEach
  void closeSupervisor() {
    if (supervisor != null) {
      supervisor.close();
    }
  }

  @Test
  void supervisor_childKilled_goesDownAndRestartsWithNewPid() throws Exception {
    supervisor = new EnclaveSupervisor(EnclaveSettings.defaults());
    supervisor.addListener(events::add);
    supervisor.addListener(this::probeWhileExiting);
    supervisor.start();

    assertThat(supervisor.awaitReady(READY_WITHIN)).as("first READY").isTrue();
    long firstPid = supervisor.childPid().orElseThrow();
    StatusResponse first = supervisor.status(TIMEOUT);
    assertThat(first.pid()).isEqualTo(firstPid);
    assertThat(supervisor.generation()).isEqualTo(1);

    assertThat(ProcessHandle.of(firstPid).orElseThrow().destroyForcibly()).isTrue(); // SIGKILL
    Poll.until(TIMEOUT, "state leaves READY", () -> supervisor.state() != EnclaveState.READY);
    if (supervisor.state() != EnclaveState.READY) {
      assertThatThrownBy(() -> supervisor.status(TIMEOUT))
          .isInstanceOf(EnclaveUnavailableException.class);
    }

    Poll.until(
        Duration.ofSeconds(10),
        "READY again with a new child",
        () -> supervisor.state() == EnclaveState.READY && supervisor.generation() == 2);
    StatusResponse second = supervisor.status(TIMEOUT);
    assertThat(second.pid()).isNotEqualTo(firstPid).isEqualTo(supervisor.childPid().orElseThrow());

    assertThat(duringExit).containsExactly(EnclaveState.DOWN, EnclaveUnavailableException.class);
    assertThat(events)
        .startsWith(
            new EnclaveEvent.Started(1, firstPid),
            new EnclaveEvent.Ready(1, firstPid),
            new EnclaveEvent.Exited(1, firstPid, 137),
            new EnclaveEvent.RestartScheduled(2, Duration.ofMillis(250)),
            new EnclaveEvent.Started(2, second.pid()),
            new EnclaveEvent.Ready(2, second.pid()));
  }

  @Test
  void supervisor_withShell_childHasCoreFileLimitZero() throws Exception {
    supervisor = new EnclaveSupervisor(EnclaveSettings.defaults());
    supervisor.start();
    assertThat(supervisor.awaitReady(READY_WITHIN)).isTrue();
    assumeTrue(supervisor.command().orElseThrow().coreDumpsDisabled(), "/bin/sh not present");
    Path limits = Path.of("/proc", Long.toString(supervisor.childPid().orElseThrow()), "limits");
    assumeTrue(Files.isReadable(limits), "no /proc");

    assertThat(Files.readAllLines(limits))
        .anySatisfy(line -> assertThat(line).matches("Max core file size\\s+0\\s+0\\s+bytes\\s*"));
    assertThat(supervisor.command().orElseThrow().argv())
        .contains("-XX:+DisableAttachMechanism", "-XX:-CreateCoredumpOnCrash");
  }

  @Test
  void close_readyEnclave_stopsChildRemovesSocketDirAndStaysClosed() throws Exception {
    supervisor = new EnclaveSupervisor(EnclaveSettings.defaults());
    supervisor.addListener(events::add);
    supervisor.start();
    assertThat(supervisor.awaitReady(READY_WITHIN)).isTrue();
    Path socket = supervisor.socketPath().orElseThrow();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
        .isEqualTo("rwx------");
    ProcessHandle child = ProcessHandle.of(supervisor.childPid().orElseThrow()).orElseThrow();

    supervisor.close();

    assertThat(child.isAlive()).isFalse();
    assertThat(socket.getParent()).doesNotExist();
    assertThat(supervisor.state()).isEqualTo(EnclaveState.CLOSED);
    assertThat(supervisor.childPid()).isEmpty();
    assertThatThrownBy(() -> supervisor.status(TIMEOUT))
        .isInstanceOf(EnclaveUnavailableException.class);
    // The enclave leaves on EOF by itself: a clean exit, no kill needed.
    assertThat(events).contains(new EnclaveEvent.Exited(1, child.pid(), 0));
    Thread.sleep(500);
    assertThat(supervisor.generation()).isEqualTo(1);
  }

  @Test
  void close_whileStarting_killsChildPromptly() throws Exception {
    supervisor = new EnclaveSupervisor(EnclaveSettings.defaults());
    supervisor.start();
    Poll.until(TIMEOUT, "child launched", () -> supervisor.childPid().isPresent());
    ProcessHandle child = ProcessHandle.of(supervisor.childPid().getAsLong()).orElseThrow();

    long started = System.nanoTime();
    supervisor.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(child.isAlive()).isFalse();
    assertThat(supervisor.awaitReady(Duration.ofMillis(100))).isFalse();
  }

  @Test
  void start_twice_fails() {
    supervisor = new EnclaveSupervisor(EnclaveSettings.defaults());
    supervisor.start();
    assertThatThrownBy(supervisor::start).isInstanceOf(IllegalStateException.class);
  }

  /** Runs on the supervisor thread when a child exits: the state must already be DOWN. */
  private void probeWhileExiting(EnclaveEvent event) {
    if (event instanceof EnclaveEvent.Exited exited && exited.generation() == 1) {
      duringExit.add(supervisor.state());
      try {
        supervisor.status(TIMEOUT);
        duringExit.add("status answered while DOWN");
      } catch (EnclaveUnavailableException e) {
        duringExit.add(e.getClass());
      }
    }
  }
}
