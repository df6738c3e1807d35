package dev.safehouse.enclave.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Appends big-endian fields to a frame under construction. Not thread-safe. */
final class PayloadWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

  PayloadWriter u8(int value) {
    out.write(value);
    return this;
  }

  PayloadWriter u16(int value) {
    out.write(value >>> 8);
    out.write(value);
    return this;
  }

  PayloadWriter i64(long value) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift));
    }
    return this;
  }

  /** Writes {@code u16 byteLength ‖ UTF-8 bytes}; requires at most 65535 bytes of UTF-8. */
  PayloadWriter str16(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > 0xFFFF) {
      throw ProtocolException.fatal(ErrorCode.FRAME_TOO_LARGE, "string field over 65535 bytes");
    }
    u16(utf8.length);
    out.write(utf8, 0, utf8.length);
    return this;
  }

  /** Writes {@code u32 byteLength ‖ bytes}. */
  PayloadWriter bytes32(byte[] value) {
    int n = value.length;
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
    out.write(value, 0, n);
    return this;
  }

  int size() {
    return out.size();
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
