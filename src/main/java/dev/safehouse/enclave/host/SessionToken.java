package dev.safehouse.enclave.host;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A one-time secret given to one enclave child on its standard input and expected back in its
 * Hello: 32 random bytes as 64 lower-case hex characters. Never logged; {@link #toString()} is
 * redacted.
 */
final class SessionToken {
  static final int RANDOM_BYTES = 32;

  private final byte[] ascii;

  private SessionToken(byte[] ascii) {
    this.ascii = ascii;
  }

  static SessionToken random(SecureRandom random) {
    byte[] secret = new byte[RANDOM_BYTES];
    random.nextBytes(secret);
    return new SessionToken(HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII));
  }

  /** Returns the token followed by a newline, as written to the child's standard input. */
  byte[] line() {
    byte[] line = new byte[ascii.length + 1];
    System.arraycopy(ascii, 0, line, 0, ascii.length);
    line[ascii.length] = '\n';
    return line;
  }

  /** Compares in time independent of where the first difference is. */
  boolean matches(String candidate) {
    return MessageDigest.isEqual(ascii, candidate.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "SessionToken[<redacted>]";
  }
}
