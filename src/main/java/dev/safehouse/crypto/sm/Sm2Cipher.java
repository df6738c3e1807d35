package dev.safehouse.crypto.sm;

import dev.safehouse.crypto.CryptoFailureException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;

/**
 * SM2 public-key encryption (GB/T 32918.4) with SM3, the one place the SM2 engine is created. The
 * ciphertext order is pinned to {@code C1 ‖ C3 ‖ C2} (GM/T 0009-2012 §7, GB/T 35276): C1 the
 * uncompressed point {@code 04 ‖ x ‖ y} (65 bytes), C3 the 32-byte SM3 check value, C2 the masked
 * message. BouncyCastle's default, the older {@code C1 ‖ C2 ‖ C3}, is never produced and fails to
 * decrypt.
 */
final class Sm2Cipher {
  static final int OVERHEAD = 65 + 32;

  private Sm2Cipher() {}

  static byte[] encrypt(ECPublicKeyParameters key, byte[] message, SecureRandom random) {
    SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
    engine.init(true, new ParametersWithRandom(key, random));
    try {
      return engine.processBlock(message, 0, message.length);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("SM2 encryption failed", e);
    }
  }

  /**
   * Decrypts a {@code C1 ‖ C3 ‖ C2} ciphertext.
   *
   * @throws CryptoFailureException if it is malformed, in the other order, or for another key
   */
  static byte[] decrypt(ECPrivateKeyParameters key, byte[] ciphertext) {
    if (ciphertext.length <= OVERHEAD || ciphertext[0] != 0x04) {
      throw CryptoFailureException.decryption(null);
    }
    SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
    engine.init(false, key);
    try {
      return engine.processBlock(ciphertext, 0, ciphertext.length);
    } catch (InvalidCipherTextException | RuntimeException e) {
      throw CryptoFailureException.decryption(e);
    }
  }
}
