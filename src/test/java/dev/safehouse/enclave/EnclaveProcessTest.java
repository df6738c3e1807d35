package dev.safehouse.enclave;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.enclave.protocol.ErrorCode;
import dev.safehouse.enclave.protocol.ErrorResponse;
import dev.safehouse.enclave.protocol.Frame;
import dev.safehouse.enclave.protocol.FrameCodec;
import dev.safehouse.enclave.protocol.Hello;
import dev.safehouse.enclave.protocol.StatusRequest;
import dev.safehouse.enclave.protocol.StatusResponse;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the real enclave JVM against a hand-played host. */
class EnclaveProcessTest {
  private static final String TOKEN = "0123456789abcdef".repeat(4);

  @Test
  void enclave_validToken_saysHelloServesStatusAndExitsZeroWhenHostCloses() throws Exception {
    try (FakeHost host = new FakeHost()) {
      Process child = host.launch(TOKEN + "\n");
      host.accept();

      Frame hello = host.frames.read().orElseThrow();
      assertThat(hello.message()).isEqualTo(new Hello(FrameCodec.PROTOCOL_VERSION, TOKEN));
      Frame answer = host.roundTrip(new Frame(41, new StatusRequest()));
      assertThat(answer.requestId()).isEqualTo(41);
      StatusResponse status = (StatusResponse) answer.message();
      assertThat(status.pid()).isEqualTo(child.pid());
      assertThat(status.protocolVersion()).isEqualTo(1);
      assertThat(status.requestsServed()).isEqualTo(1);
      assertThat(status.jvmVersion()).isEqualTo(Runtime.version().toString());
      assertThat(status.availableHeapBytes()).isPositive().isLessThanOrEqualTo(2048L << 20);

      host.frames.close();

      assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("enclave exits on EOF").isTrue();
      assertThat(child.exitValue()).isEqualTo(EnclaveMain.EXIT_HOST_CLOSED);
    }
  }

  @Test
  void enclave_badFramesFromNewerPeer_answersErrorsAndKeepsServing() throws Exception {
    try (FakeHost host = new FakeHost()) {
      host.launch(TOKEN + "\n");
      host.accept();
      host.frames.read().orElseThrow();

      ByteBuffer unknownType = FrameCodec.encode(new Frame(7, new StatusRequest()));
      unknownType.put(5, (byte) 0x7E);
      host.frames.writeRaw(unknownType);
      assertError(host.frames.read().orElseThrow(), 7, ErrorCode.UNKNOWN_MESSAGE_TYPE);

      ByteBuffer newerVersion = FrameCodec.encode(new Frame(8, new StatusRequest()));
      newerVersion.put(4, (byte) 2);
      host.frames.writeRaw(newerVersion);
      assertError(host.frames.read().orElseThrow(), 8, ErrorCode.UNSUPPORTED_VERSION);

      Frame helloToEnclave = host.roundTrip(new Frame(9, new Hello(1, TOKEN)));
      assertError(helloToEnclave, 9, ErrorCode.UNEXPECTED_MESSAGE);

      Frame status = host.roundTrip(new Frame(10, new StatusRequest()));
      assertThat(status.message()).isInstanceOf(StatusResponse.class);
    }
  }

  @Test
  void enclave_oversizeFrame_answersErrorAndExitsWithFailure() throws Exception {
    try (FakeHost host = new FakeHost()) {
      Process child = host.launch(TOKEN + "\n");
      host.accept();
      host.frames.read().orElseThrow();

      host.frames.writeRaw(ByteBuffer.allocate(4).putInt(0, FrameCodec.MAX_FRAME_LENGTH + 1));

      assertError(host.frames.read().orElseThrow(), 0, ErrorCode.FRAME_TOO_LARGE);
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isEqualTo(EnclaveMain.EXIT_FAILURE);
    }
  }

  @Test
  void enclave_noTokenOnStdin_exitsWithUsageErrorWithoutConnecting() throws Exception {
    try (FakeHost host = new FakeHost()) {
      Process child = host.launch("");

      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isEqualTo(EnclaveMain.EXIT_USAGE);
      assertThat(host.server.accept()).isNull();
    }
  }

  private static void assertError(Frame frame, long requestId, ErrorCode code) {
    assertThat(frame.requestId()).isEqualTo(requestId);
    assertThat(frame.message()).isInstanceOf(ErrorResponse.class);
    assertThat(((ErrorResponse) frame.message()).code()).isEqualTo(code);
  }
}
