package dev.safehouse.enclave.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameChannelTest {

  @Test
  void read_twoFramesThenEof_returnsBothThenEmpty() throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.write(FrameCodecTest.bytes(FrameCodec.encode(new Frame(1, new StatusRequest()))));
    wire.write(FrameCodecTest.bytes(FrameCodec.encode(new Frame(2, new StatusRequest()))));
    FrameChannel frames = new FrameChannel(new ByteArrayChannel(wire.toByteArray()));

    assertThat(frames.read()).contains(new Frame(1, new StatusRequest()));
    assertThat(frames.read()).contains(new Frame(2, new StatusRequest()));
    assertThat(frames.read()).isEmpty();
  }

  @Test
  void read_eofInsideFrame_failsAsTruncatedAndNotConsumed() {
    byte[] frame = FrameCodecTest.bytes(FrameCodec.encode(new Frame(1, new StatusRequest())));
    FrameChannel frames =
        new FrameChannel(new ByteArrayChannel(Arrays.copyOf(frame, frame.length - 2)));

    ProtocolException e = catchThrowableOfType(ProtocolException.class, frames::read);
    assertThat(e.code()).isEqualTo(ErrorCode.TRUNCATED_FRAME);
    assertThat(e.frameConsumed()).isFalse();
  }

  @Test
  void read_maximalLengthPrefix_failsBeforeAllocating() {
    byte[] prefix = ByteBuffer.allocate(4).putInt(0xFFFFFFFF).array();
    FrameChannel frames = new FrameChannel(new ByteArrayChannel(prefix));

    ProtocolException e = catchThrowableOfType(ProtocolException.class, frames::read);
    assertThat(e.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
  }

  @Test
  void read_unknownTypeThenValidFrame_skipsTheBadFrameOnly() throws Exception {
    byte[] bad = FrameCodecTest.bytes(FrameCodec.encode(new Frame(1, new StatusRequest())));
    bad[5] = 0x42;
    byte[] good = FrameCodecTest.bytes(FrameCodec.encode(new Frame(2, new StatusRequest())));
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.write(bad);
    wire.write(good);
    FrameChannel frames = new FrameChannel(new ByteArrayChannel(wire.toByteArray()));

    ProtocolException e = catchThrowableOfType(ProtocolException.class, frames::read);
    assertThat(e.frameConsumed()).isTrue();
    assertThat(frames.read()).contains(new Frame(2, new StatusRequest()));
  }

  /** Serves fixed bytes, a few at a time, to exercise partial reads. */
  private static final class ByteArrayChannel implements ByteChannel {
    private final ByteBuffer source;

    ByteArrayChannel(byte[] bytes) {
      this.source = ByteBuffer.wrap(bytes);
    }

    @Override
    public int read(ByteBuffer dst) {
      if (!source.hasRemaining()) {
        return -1;
      }
      int n = Math.min(Math.min(3, dst.remaining()), source.remaining());
      ByteBuffer chunk = source.slice(source.position(), n);
      source.position(source.position() + n);
      dst.put(chunk);
      return n;
    }

    @Override
    public int write(ByteBuffer src) {
      int n = src.remaining();
      src.position(src.limit());
      return n;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }
}
