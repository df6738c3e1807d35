package dev.safehouse.enclave.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.enclave.protocol.Frame;
import dev.safehouse.enclave.protocol.FrameChannel;
import dev.safehouse.enclave.protocol.FrameCodec;
import dev.safehouse.enclave.protocol.Hello;
import dev.safehouse.enclave.protocol.StatusRequest;
import dev.safehouse.testing.Poll;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test plays the enclave over the supervisor's socket, next to an idle stand-in child. */
class HandshakeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<StandInProcess> children = new CopyOnWriteArrayList<>();
  private final List<EnclaveEvent> events = new CopyOnWriteArrayList<>();
  private EnclaveSupervisor supervisor;

  @BeforeEach
  void startSupervisor() {
    EnclaveSettings settings =
        EnclaveSettings.defaults()
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
            .withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
    supervisor =
        new EnclaveSupervisor(
            settings,
            (command, dir) -> {
              StandInProcess child = StandInProcess.start();
              children.add(child);
              return child;
            });
    supervisor.addListener(events::add);
    supervisor.start();
    Poll.until(WAIT, "token written", () -> !children.isEmpty() && children.get(0).token() != null);
  }

  @AfterEach
  void closeSupervisor() {
    supervisor.close();
    children.forEach(Process::destroyForcibly);
  }

  @Test
  void hello_rightTokenAndVersion_becomesReady() throws Exception {
    try (FrameChannel enclave = connect()) {
      enclave.write(new Frame(0, new Hello(1, children.get(0).token())));

      assertThat(supervisor.awaitReady(WAIT)).isTrue();
      EnclaveEvent ready = new EnclaveEvent.Ready(1, children.get(0).pid());
      Poll.until(WAIT, "ready event", () -> events.contains(ready));
      assertThat(enclave.isOpen()).isTrue();
    }
  }

  @Test
  void hello_wrongToken_isRejectedAndChildKilled() throws Exception {
    String token = children.get(0).token();
    String wrong = (token.charAt(0) == 'a' ? "b" : "a") + token.substring(1);
    try (FrameChannel enclave = connect()) {
      enclave.write(new Frame(0, new Hello(1, wrong)));
      assertRejected(enclave, "hello with a wrong session token");
    }
  }

  @Test
  void hello_wrongProtocolVersionInPayload_isRejected() throws Exception {
    try (FrameChannel enclave = connect()) {
      enclave.write(new Frame(0, new Hello(2, children.get(0).token())));
      assertRejected(enclave, "hello with unsupported protocol version 2");
    }
  }

  @Test
  void hello_wrongFrameVersion_isRejected() throws Exception {
    try (FrameChannel enclave = connect()) {
      ByteBuffer frame = FrameCodec.encode(new Frame(0, new Hello(1, children.get(0).token())));
      frame.put(4, (byte) 2);
      enclave.writeRaw(frame);
      assertRejected(enclave, "invalid hello frame: UNSUPPORTED_VERSION");
    }
  }

  @Test
  void firstMessage_notHello_isRejected() throws Exception {
    try (FrameChannel enclave = connect()) {
      enclave.write(new Frame(1, new StatusRequest()));
      assertRejected(enclave, "first message was STATUS_REQUEST");
    }
  }

  private FrameChannel connect() throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    channel.connect(UnixDomainSocketAddress.of(supervisor.socketPath().orElseThrow()));
    return new FrameChannel(channel);
  }

  private void assertRejected(FrameChannel enclave, String reason) throws IOException {
    StandInProcess child = children.get(0);
    Poll.until(WAIT, "child killed", () -> !child.isAlive());
    Poll.until(
        WAIT,
        "exit recorded",
        () -> events.stream().anyMatch(e -> e instanceof EnclaveEvent.Exited));
    assertThat(events)
        .containsSubsequence(
            new EnclaveEvent.Started(1, child.pid()),
            new EnclaveEvent.Failed(1, reason),
            new EnclaveEvent.Exited(1, child.pid(), 137));
    assertThat(events).noneMatch(e -> e instanceof EnclaveEvent.Ready);
    assertThat(supervisor.state()).isEqualTo(EnclaveState.DOWN);
    assertThat(enclave.read()).as("supervisor closed the socket").isEmpty();
  }
}
