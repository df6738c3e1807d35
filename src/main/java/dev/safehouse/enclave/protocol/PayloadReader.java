package dev.safehouse.enclave.protocol;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Reads big-endian fields of one frame's payload; every shortfall or excess is a {@link
 * ErrorCode#MALFORMED_FRAME} failure tagged with the frame's request id.
 */
final class PayloadReader {
  private final ByteBuffer buffer;
  private final MessageType type;
  private final long requestId;

  PayloadReader(ByteBuffer buffer, MessageType type, long requestId) {
    this.buffer = buffer;
    this.type = type;
    this.requestId = requestId;
  }

  int u8() {
    try {
      return Byte.toUnsignedInt(buffer.get());
    } catch (BufferUnderflowException e) {
      throw malformed("payload too short");
    }
  }

  int u16() {
    try {
      return Short.toUnsignedInt(buffer.getShort());
    } catch (BufferUnderflowException e) {
      throw malformed("payload too short");
    }
  }

  long i64() {
    try {
      return buffer.getLong();
    } catch (BufferUnderflowException e) {
      throw malformed("payload too short");
    }
  }

  /** Reads {@code u16 byteLength ‖ UTF-8 bytes}, rejecting malformed UTF-8. */
  String str16() {
    int length = u16();
    if (buffer.remaining() < length) {
      throw malformed("string field runs past the payload");
    }
    ByteBuffer utf8 = buffer.slice(buffer.position(), length);
    buffer.position(buffer.position() + length);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(utf8)
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed("string field is not valid UTF-8");
    }
  }

  /** Reads {@code u32 byteLength ‖ bytes}. */
  byte[] bytes32() {
    int length;
    try {
      length = buffer.getInt();
    } catch (BufferUnderflowException e) {
      throw malformed("payload too short");
    }
    if (length < 0 || buffer.remaining() < length) {
      throw malformed("byte field runs past the payload");
    }
    byte[] value = new byte[length];
    buffer.get(value);
    return value;
  }

  /** Requires that the whole payload was consumed. */
  void end() {
    if (buffer.hasRemaining()) {
      throw malformed("trailing bytes after payload");
    }
  }

  ProtocolException malformed(String what) {
    return ProtocolException.inFrame(
        ErrorCode.MALFORMED_FRAME, what + " (" + type + ")", OptionalLong.of(requestId));
  }
}
