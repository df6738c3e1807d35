package dev.safehouse.audit;

import dev.safehouse.crypto.CryptoFailureException;
import dev.safehouse.crypto.SmSuite;
import dev.safehouse.crypto.sm.Sm2VerificationKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Verifies SM2 note signatures of suite {@code sm} (signature type {@link NoteKeyName#SM2_TYPE}).
 * The verifier key's text form is {@code <name>+<key hash>+<base64(SM2_TYPE ‖ SPKI DER)>}.
 */
final class Sm2NoteVerifier implements NoteVerifier {
  private final String keyName;
  private final SmSuite.Verifying key;
  private final byte[] spki;
  private final int keyHash;

  Sm2NoteVerifier(String keyName, SmSuite.Verifying key) {
    this.keyName = keyName;
    this.key = Objects.requireNonNull(key, "key");
    this.spki = key.key().toSpki();
    this.keyHash = NoteKeyName.sm2KeyHash(keyName, spki);
  }

  /** Reads the key part of a verifier key, after its type; null if it is not an SM2 key. */
  static Sm2NoteVerifier parse(String keyName, byte[] typed) {
    byte[] type = NoteKeyName.SM2_TYPE;
    if (typed.length <= type.length
        || !Arrays.equals(typed, 0, type.length, type, 0, type.length)) {
      return null;
    }
    try {
      byte[] der = Arrays.copyOfRange(typed, type.length, typed.length);
      return new Sm2NoteVerifier(keyName, new SmSuite.Verifying(Sm2VerificationKey.fromSpki(der)));
    } catch (CryptoFailureException e) {
      throw new NoteException("a verifier key holds the SM2 type and an SM2 public key", e);
    }
  }

  @Override
  public String verifierKey() {
    byte[] type = NoteKeyName.SM2_TYPE;
    byte[] typed = Arrays.copyOf(type, type.length + spki.length);
    System.arraycopy(spki, 0, typed, type.length, spki.length);
    return keyName
        + "+"
        + HexFormat.of().toHexDigits(keyHash)
        + "+"
        + Base64.getEncoder().encodeToString(typed);
  }

  @Override
  public String keyName() {
    return keyName;
  }

  @Override
  public int keyHash() {
    return keyHash;
  }

  @Override
  public boolean verify(byte[] text, byte[] signature) {
    try {
      key.verify(signature, text);
      return true;
    } catch (CryptoFailureException e) {
      return false;
    }
  }
}
