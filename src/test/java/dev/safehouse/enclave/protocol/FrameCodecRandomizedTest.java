package dev.safehouse.enclave.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Round trips and junk input with random values; plain JUnit, seeded per run. */
class FrameCodecRandomizedTest {
  private static final int TRIES = 500;
  private final SecureRandom random = new SecureRandom();

  @Test
  void statusResponse_randomValues_roundTrips() {
    for (int i = 0; i < TRIES; i++) {
      Frame frame =
          new Frame(
              random.nextLong(),
              new StatusResponse(
                  random.nextInt(256),
                  random.nextLong(),
                  random.nextLong(),
                  random.nextLong() & Long.MAX_VALUE,
                  random.nextLong() & Long.MAX_VALUE,
                  randomString(200),
                  random.nextLong() & Long.MAX_VALUE));
      assertThat(FrameCodec.decode(FrameCodec.encode(frame))).isEqualTo(frame);
    }
  }

  @Test
  void errorResponse_randomMessages_roundTrip() {
    for (int i = 0; i < TRIES; i++) {
      ErrorCode code = ErrorCode.values()[random.nextInt(ErrorCode.values().length)];
      Frame frame = new Frame(random.nextLong(), new ErrorResponse(code, randomString(500)));
      assertThat(FrameCodec.decode(FrameCodec.encode(frame))).isEqualTo(frame);
    }
  }

  @Test
  void decode_randomBytes_failsOnlyWithProtocolException() {
    for (int i = 0; i < TRIES * 4; i++) {
      byte[] junk = new byte[random.nextInt(64)];
      random.nextBytes(junk);
      if (junk.length >= 4 && random.nextBoolean()) {
        ByteBuffer.wrap(junk).putInt(0, junk.length - 4); // plausible length, random body
      }
      try {
        FrameCodec.decode(ByteBuffer.wrap(junk));
      } catch (ProtocolException expected) {
        assertThat(expected.code()).isNotNull();
      }
    }
  }

  /** Any code points, including supplementary ones, but no lone surrogates. */
  private String randomString(int maxCodePoints) {
    StringBuilder out = new StringBuilder();
    int n = random.nextInt(maxCodePoints + 1);
    while (out.codePointCount(0, out.length()) < n) {
      int cp = random.nextInt(Character.MAX_CODE_POINT + 1);
      if (Character.isValidCodePoint(cp) && (cp < 0xD800 || cp > 0xDFFF)) {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }
}
