package dev.safehouse.audit;

import dev.safehouse.crypto.VerificationKey;

/**
 * Checks the signatures of one key (name and key hash) on C2SP signed notes.
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #verify} returns true only for a signature by this key over exactly the given text. The
 * key hash only selects which signature line to check; it is not a security boundary.
 */
public interface NoteVerifier {
  /** Returns the key name a signature line must carry. */
  String keyName();

  /** Returns the 4-byte key hash, as a big-endian int, a signature must start with. */
  int keyHash();

  /**
   * Returns the key in the signed-note text form {@code <name>+<key hash>+<base64(type ‖ key)>},
   * which verifiers pin (see {@link #fromVerifierKey}).
   */
  String verifierKey();

  /** Returns whether {@code signature} (without the key hash) is valid over {@code text}. */
  boolean verify(byte[] text, byte[] signature);

  /**
   * Returns a verifier for an Ed25519 key.
   *
   * @throws NoteException if the key name is empty or holds whitespace or '+'
   */
  static NoteVerifier ed25519(String keyName, VerificationKey key) {
    return new Ed25519NoteVerifier(NoteKeyName.require(keyName), key);
  }

  /**
   * Reads a verifier key in the signed-note text form {@code <name>+<key hash, 8 hex
   * digits>+<base64(0x01 ‖ 32-byte Ed25519 public key)>}, as logs publish them.
   *
   * @throws NoteException if the text is not such a key or its key hash does not match
   */
  static NoteVerifier fromVerifierKey(String verifierKey) {
    return Ed25519NoteVerifier.parse(verifierKey);
  }
}
