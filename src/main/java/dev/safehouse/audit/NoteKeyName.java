package dev.safehouse.audit;

import dev.safehouse.common.Sha256;
import dev.safehouse.crypto.sm.Sm3;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Key names and key hashes of C2SP signed notes (signed-note.md): a name is non-empty and holds no
 * whitespace and no '+'; an Ed25519 key's hash is the first 4 bytes, big-endian, of {@code
 * SHA-256(name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key)}; an SM2 key's (suite {@code sm}) is the first 4
 * bytes of {@code SM3(name ‖ 0x0A ‖ SM2_TYPE ‖ SubjectPublicKeyInfo DER)}.
 */
final class NoteKeyName {
  /** Signature type identifier of Ed25519 in signed notes. */
  static final byte ED25519 = 0x01;

  /**
   * Signature type of SM2 (with SM3, user id {@code 1234567812345678}) in signed notes: 0xff, the
   * byte signed-note.md reserves for unassigned types, followed by {@code "safehouse/sm2-sm3"}.
   */
  static final byte[] SM2_TYPE = sm2Type();

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

  private static byte[] sm2Type() {
    byte[] id = "safehouse/sm2-sm3".getBytes(StandardCharsets.US_ASCII);
    byte[] type = new byte[1 + id.length];
    type[0] = (byte) 0xff;
    System.arraycopy(id, 0, type, 1, id.length);
    return type;
  }

  static int ed25519KeyHash(String name, byte[] publicKey) {
    return keyHash(Sha256.newDigest(), name, new byte[] {ED25519}, publicKey);
  }

  static int sm2KeyHash(String name, byte[] spki) {
    return keyHash(Sm3.newDigest(), name, SM2_TYPE, spki);
  }

  private static int keyHash(MessageDigest hash, String name, byte[] type, byte[] publicKey) {
    hash.update(name.getBytes(StandardCharsets.UTF_8));
    hash.update((byte) '\n');
    hash.update(type);
    byte[] digest = hash.digest(publicKey);
    return ((digest[0] & 0xff) << 24)
        | ((digest[1] & 0xff) << 16)
        | ((digest[2] & 0xff) << 8)
        | (digest[3] & 0xff);
  }
}
