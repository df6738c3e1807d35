package dev.safehouse.audit;

import dev.safehouse.crypto.CryptoFailureException;
import dev.safehouse.crypto.VerificationKey;
import java.util.Arrays;
import java.util.Objects;

/** Verifies Ed25519 note signatures (signature type 0x01 of signed-note.md). */
final class Ed25519NoteVerifier extends TypedNoteVerifier {
  private static final int PUBLIC_KEY_LENGTH = 32;

  private final VerificationKey key;

  Ed25519NoteVerifier(String keyName, VerificationKey key) {
    this(keyName, key, key.rawPublicKey());
  }

  private Ed25519NoteVerifier(String keyName, VerificationKey key, byte[] rawKey) {
    super(
        keyName,
        new byte[] {NoteKeyName.ED25519},
        rawKey,
        NoteKeyName.ed25519KeyHash(keyName, rawKey));
    this.key = Objects.requireNonNull(key, "key");
  }

  /** Reads the key part of a verifier key, after its type; null if it is not an Ed25519 key. */
  static Ed25519NoteVerifier parse(String keyName, byte[] typed) {
    if (typed.length == 0 || typed[0] != NoteKeyName.ED25519) {
      return null;
    }
    if (typed.length != 1 + PUBLIC_KEY_LENGTH) {
      throw new NoteException("a verifier key holds 0x01 and a 32-byte Ed25519 key");
    }
    byte[] raw = Arrays.copyOfRange(typed, 1, typed.length);
    VerificationKey key;
    try {
      key = VerificationKey.fromRawEd25519(raw);
    } catch (CryptoFailureException e) {
      throw new NoteException("a verifier key holds 0x01 and a 32-byte Ed25519 key", e);
    }
    return new Ed25519NoteVerifier(keyName, key);
  }

  @Override
  public boolean verify(byte[] text, byte[] signature) {
    try {
      key.verifyRaw(signature, text);
      return true;
    } catch (CryptoFailureException e) {
      return false;
    }
  }
}
