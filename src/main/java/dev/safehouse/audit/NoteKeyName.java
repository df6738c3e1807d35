package dev.safehouse.audit;

import dev.safehouse.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Key names and key hashes of C2SP signed notes (signed-note.md): a name is non-empty and holds no
 * whitespace and no '+'; an Ed25519 key's hash is the first 4 bytes, big-endian, of {@code
 * SHA-256(name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key)}.
 */
final class NoteKeyName {
  /** Signature type identifier of Ed25519 in signed notes. */
  static final byte ED25519 = 0x01;

  private NoteKeyName() {}

  static boolean isValid(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (c == '+'
          || c < 0x20
          || c == 0x7f
          || Character.isWhitespace(c)
          || Character.isSpaceChar(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  static String require(String name) {
    if (!isValid(name)) {
      throw new NoteException("a key name is non-empty and holds no spaces and no '+'");
    }
    return name;
  }

  static int ed25519KeyHash(String name, byte[] publicKey) {
    MessageDigest sha = Sha256.newDigest();
    sha.update(name.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) '\n');
    sha.update(ED25519);
    byte[] digest = sha.digest(publicKey);
    return ((digest[0] & 0xff) << 24)
        | ((digest[1] & 0xff) << 16)
        | ((digest[2] & 0xff) << 8)
        | (digest[3] & 0xff);
  }
}
