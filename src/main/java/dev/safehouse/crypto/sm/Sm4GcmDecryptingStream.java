package dev.safehouse.crypto.sm;

import dev.safehouse.crypto.CryptoFailureException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Objects;

/**
 * Decrypts an SM4-GCM segment stream ({@link Sm4GcmSegments}), returning a segment's plaintext only
 * after its tag verified. A segment is taken as the last one exactly when the ciphertext ends after
 * it, so a stream cut at a segment boundary, extended, or with segments reordered fails. Every
 * failure, including a malformed header or a read error of the ciphertext, is an {@link
 * IOException} caused by the uniform {@link CryptoFailureException}; after one, every read fails.
 */
final class Sm4GcmDecryptingStream extends InputStream {
  private final PushbackInputStream ciphertext;
  private final byte[] ikm;
  private final byte[] associatedData;
  private final int plaintextSegmentSize;
  private Sm4GcmSegments segments;
  private byte[] plaintext = new byte[0];
  private int position;
  private long index;
  private boolean finished;
  private IOException failure;

  Sm4GcmDecryptingStream(
      InputStream ciphertext, byte[] ikm, byte[] associatedData, int plaintextSegmentSize) {
    this.ciphertext = new PushbackInputStream(ciphertext, 1);
    this.ikm = ikm;
    this.associatedData = associatedData.clone();
    this.plaintextSegmentSize = plaintextSegmentSize;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] out, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, out.length);
    if (length == 0) {
      return 0;
    }
    while (position == plaintext.length) {
      if (finished) {
        return -1;
      }
      nextSegment();
    }
    int n = Math.min(length, plaintext.length - position);
    System.arraycopy(plaintext, position, out, offset, n);
    position += n;
    return n;
  }

  private void nextSegment() throws IOException {
    if (failure != null) {
      throw failure;
    }
    try {
      if (segments == null) {
        byte[] header = ciphertext.readNBytes(Sm4GcmSegments.HEADER_LENGTH);
        segments =
            Sm4GcmSegments.of(ikm, header, associatedData, plaintextSegmentSize)
                .orElseThrow(() -> CryptoFailureException.decryption(null));
      }
      byte[] segment = ciphertext.readNBytes(segments.ciphertextSegmentSize());
      boolean last = segment.length < segments.ciphertextSegmentSize() || atEnd();
      if (index >= Sm4GcmSegments.MAX_SEGMENTS) {
        throw CryptoFailureException.decryption(null);
      }
      plaintext = segments.open(index++, last, segment, segment.length);
      position = 0;
      finished = last;
    } catch (CryptoFailureException e) {
      failure = new IOException(e);
      throw failure;
    } catch (IOException | RuntimeException e) {
      failure = new IOException(CryptoFailureException.decryption(e));
      throw failure;
    }
  }

  private boolean atEnd() throws IOException {
    int next = ciphertext.read();
    if (next < 0) {
      return true;
    }
    ciphertext.unread(next);
    return false;
  }

  @Override
  public void close() throws IOException {
    ciphertext.close();
  }
}
