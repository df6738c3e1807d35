package dev.safehouse.enclave.protocol;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes whole frames on a blocking byte channel, typically a Unix-domain {@code
 * SocketChannel}.
 *
 * <p>Thread safety: one thread may read while any number of threads write; writes are serialised so
 * frames never interleave. Reads must come from a single thread. The channel is used directly, not
 * through {@code Channels.newInputStream}, whose streams share one lock and would block writers
 * while a reader waits.
 *
 * <h2>Security guarantees</h2>
 *
 * A length prefix over {@link FrameCodec#MAX_FRAME_LENGTH} is rejected before its buffer is
 * allocated, so a peer cannot make this side allocate more than 16 MiB per frame.
 */
public final class FrameChannel implements Closeable {
  private final ByteChannel channel;
  private final Object writeLock = new Object();

  /**
   * Wraps a channel; closing this closes the channel.
   *
   * @param channel a channel in blocking mode
   */
  public FrameChannel(ByteChannel channel) {
    this.channel = Objects.requireNonNull(channel, "channel");
  }

  /**
   * Reads the next frame, blocking until it has fully arrived.
   *
   * @return the frame, or empty if the peer closed the stream cleanly between frames
   * @throws ProtocolException if the frame is oversize or truncated ({@link
   *     ProtocolException#frameConsumed()} false: stop reading), or invalid but complete (true: the
   *     next frame may be read)
   * @throws IOException if the channel fails or is closed by another thread
   */
  public Optional<Frame> read() throws IOException {
    ByteBuffer prefix = ByteBuffer.allocate(FrameCodec.LENGTH_PREFIX_BYTES);
    int first = channel.read(prefix);
    if (first < 0) {
      return Optional.empty();
    }
    readFully(prefix);
    int length = FrameCodec.checkLength(prefix.getInt(0));
    ByteBuffer body = ByteBuffer.allocate(length);
    readFully(body);
    return Optional.of(FrameCodec.decodeBody(body.flip()));
  }

  /**
   * Writes one frame completely.
   *
   * @param frame the frame
   * @throws ProtocolException if the frame cannot be encoded (too large)
   * @throws IOException if the channel fails
   */
  public void write(Frame frame) throws IOException {
    writeRaw(FrameCodec.encode(frame));
  }

  /**
   * Writes bytes as they are, under the write lock; for tests that need to send invalid frames.
   *
   * @param bytes the bytes to write
   * @throws IOException if the channel fails
   */
  public void writeRaw(ByteBuffer bytes) throws IOException {
    synchronized (writeLock) {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }
  }

  /** Returns whether the underlying channel is open. */
  public boolean isOpen() {
    return channel.isOpen();
  }

  /** Closes the underlying channel; a blocked {@link #read()} then fails with an IOException. */
  @Override
  public void close() throws IOException {
    channel.close();
  }

  private void readFully(ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw ProtocolException.fatal(ErrorCode.TRUNCATED_FRAME, "stream ended inside a frame");
      }
    }
  }
}
