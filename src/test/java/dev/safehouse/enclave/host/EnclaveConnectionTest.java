package dev.safehouse.enclave.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.common.EnclaveUnavailableException;
import dev.safehouse.enclave.protocol.ErrorCode;
import dev.safehouse.enclave.protocol.ErrorResponse;
import dev.safehouse.enclave.protocol.Frame;
import dev.safehouse.enclave.protocol.FrameChannel;
import dev.safehouse.enclave.protocol.FrameCodec;
import dev.safehouse.enclave.protocol.ProtocolException;
import dev.safehouse.enclave.protocol.Response;
import dev.safehouse.enclave.protocol.StatusRequest;
import dev.safehouse.enclave.protocol.StatusResponse;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection against a scripted enclave on a real Unix socket pair. */
class EnclaveConnectionTest {
  private static final Duration LONG = Duration.ofSeconds(10);

  private Path dir;
  private FrameChannel enclave;
  private EnclaveConnection connection;

  @BeforeEach
  void connect() throws Exception {
    dir = Files.createTempDirectory("conn-test-");
    Path socket = dir.resolve("s");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      SocketChannel host = SocketChannel.open(StandardProtocolFamily.UNIX);
      host.connect(UnixDomainSocketAddress.of(socket));
      enclave = new FrameChannel(server.accept());
      connection =
          new EnclaveConnection(
              new FrameChannel(host), 1, LONG, System.getLogger(EnclaveSupervisor.LOGGER_NAME));
    }
    connection.startReader();
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
    enclave.close();
    Files.deleteIfExists(dir.resolve("s"));
    Files.deleteIfExists(dir);
  }

  @Test
  void send_responsesOutOfOrder_eachFutureGetsItsOwn() throws Exception {
    CompletableFuture<Response> first = connection.send(new StatusRequest());
    CompletableFuture<Response> second = connection.send(new StatusRequest());
    Frame a = enclave.read().orElseThrow();
    Frame b = enclave.read().orElseThrow();

    enclave.write(new Frame(b.requestId(), status(2)));
    enclave.write(new Frame(a.requestId(), status(1)));

    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(status(1));
    assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(status(2));
    assertThat(connection.pendingRequests()).isZero();
  }

  @Test
  void send_noAnswer_failsUnavailableAfterTimeout() {
    CompletableFuture<Response> answer =
        connection.send(new StatusRequest(), Duration.ofMillis(100));

    assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(EnclaveUnavailableException.class);
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void enclaveDisconnects_allPendingFailUnavailable() throws Exception {
    CompletableFuture<Response> first = connection.send(new StatusRequest());
    CompletableFuture<Response> second = connection.send(new StatusRequest());
    enclave.read();

    enclave.close();

    for (CompletableFuture<Response> pending : List.of(first, second)) {
      assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(EnclaveUnavailableException.class);
    }
    connection.closed().get(5, TimeUnit.SECONDS);
    assertThat(connection.isOpen()).isFalse();
    assertThatThrownBy(() -> connection.send(new StatusRequest()).get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(EnclaveUnavailableException.class);
  }

  @Test
  void call_errorResponse_throwsEnclaveError() throws Exception {
    CompletableFuture<StatusResponse> call =
        CompletableFuture.supplyAsync(
            () -> connection.call(new StatusRequest(), StatusResponse.class, LONG));
    Frame request = enclave.read().orElseThrow();
    enclave.write(
        new Frame(request.requestId(), new ErrorResponse(ErrorCode.INTERNAL, "handler failed")));

    assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(EnclaveErrorException.class)
        .hasMessageContaining("handler failed");
  }

  @Test
  void answerOfUnknownType_failsThatRequestOnlyAndKeepsConnection() throws Exception {
    CompletableFuture<Response> answer = connection.send(new StatusRequest());
    Frame request = enclave.read().orElseThrow();
    ByteBuffer fromNewerEnclave = FrameCodec.encode(new Frame(request.requestId(), status(1)));
    fromNewerEnclave.put(5, (byte) 0x83);
    enclave.writeRaw(fromNewerEnclave);

    assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ProtocolException.class);
    CompletableFuture<Response> next = connection.send(new StatusRequest());
    enclave.write(new Frame(enclave.read().orElseThrow().requestId(), status(3)));
    assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo(status(3));
  }

  private static StatusResponse status(long served) {
    return new StatusResponse(1, 1, 0, 0, served, "17", 0);
  }
}
