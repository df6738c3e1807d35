package dev.safehouse.crypto.sm;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encrypts what is written into SM4-GCM segments ({@link Sm4GcmSegments}). Holds back one full
 * segment until more data arrives, so the final segment — the one flagged last — is known only at
 * {@link #close()}; a stream whose length is a multiple of the segment size ends with a full last
 * segment, an empty stream with one empty last segment.
 */
final class Sm4GcmEncryptingStream extends OutputStream {
  private final OutputStream ciphertext;
  private final Sm4GcmSegments segments;
  private final byte[] buffer;
  private int buffered;
  private long index;
  private boolean closed;

  Sm4GcmEncryptingStream(OutputStream ciphertext, byte[] header, Sm4GcmSegments segments)
      throws IOException {
    this.ciphertext = ciphertext;
    this.segments = segments;
    this.buffer = new byte[segments.plaintextSegmentSize()];
    ciphertext.write(header);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] data, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, data.length);
    if (closed) {
      throw new IOException("the encrypting stream is closed");
    }
    while (length > 0) {
      if (buffered == buffer.length) {
        emit(false);
      }
      int n = Math.min(length, buffer.length - buffered);
      System.arraycopy(data, offset, buffer, buffered, n);
      buffered += n;
      offset += n;
      length -= n;
    }
  }

  private void emit(boolean last) throws IOException {
    if (index >= Sm4GcmSegments.MAX_SEGMENTS - 1 && !last) {
      throw new IOException("the stream is too long for one data key stream");
    }
    ciphertext.write(segments.seal(index++, last, buffer, buffered));
    buffered = 0;
  }

  /** Writes the last segment and closes the ciphertext stream. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      emit(true);
    } finally {
      Arrays.fill(buffer, (byte) 0);
      ciphertext.close();
    }
  }
}
