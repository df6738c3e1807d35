package dev.safehouse.audit;

import dev.safehouse.crypto.CryptoFailureException;
import dev.safehouse.crypto.SmSuite;
import dev.safehouse.crypto.sm.Sm2VerificationKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * Verifies SM2 note signatures of suite {@code sm} (signature type {@link NoteKeyName#SM2_TYPE}).
 * The verifier key's text form is {@code <name>+<key hash>+<base64(SM2_TYPE ‖ SPKI DER)>}.
 */
final class Sm2NoteVerifier extends TypedNoteVerifier {
  private final SmSuite.Verifying key;

  Sm2NoteVerifier(String keyName, SmSuite.Verifying key) {
    this(keyName, key, key.key().toSpki());
  }

  private Sm2NoteVerifier(String keyName, SmSuite.Verifying key, byte[] spki) {
    super(keyName, NoteKeyName.SM2_TYPE, spki, NoteKeyName.sm2KeyHash(keyName, spki));
    this.key = Objects.requireNonNull(key, "key");
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
  public boolean verify(byte[] text, byte[] signature) {
    try {
      key.verify(signature, text);
      return true;
    } catch (CryptoFailureException e) {
      return false;
    }
  }
}
