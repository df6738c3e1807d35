package dev.safehouse.audit;

import dev.safehouse.crypto.IntlSuite;
import dev.safehouse.crypto.SmSuite;
import dev.safehouse.crypto.VerificationKey;
import dev.safehouse.crypto.Verifier;

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
   * Returns a verifier for a key of either suite: Ed25519 (type 0x01) for {@code intl}, SM2 (type
   * 0xff "safehouse/sm2-sm3") for {@code sm}.
   *
   * @throws NoteException if the key name is empty or holds whitespace or '+'
   */
  static NoteVerifier of(String keyName, Verifier key) {
    String name = NoteKeyName.require(keyName);
    if (key instanceof IntlSuite.Verifying intl) {
      return new Ed25519NoteVerifier(name, intl.key());
    }
    return new Sm2NoteVerifier(name, (SmSuite.Verifying) key);
  }

  /**
   * Reads a verifier key in the signed-note text form {@code <name>+<key hash, 8 hex
   * digits>+<base64(type ‖ key)>}, as logs publish them: type 0x01 and a 32-byte Ed25519 public
   * key, or type 0xff "safehouse/sm2-sm3" and an SM2 SubjectPublicKeyInfo.
   *
   * @throws NoteException if the text is not such a key or its key hash does not match
   */
  static NoteVerifier fromVerifierKey(String verifierKey) {
    String[] parts = verifierKey == null ? new String[0] : verifierKey.split("\\+", 3);
    if (parts.length != 3 || !NoteKeyName.isValid(parts[0]) || !parts[1].matches("[0-9a-f]{8}")) {
      throw new NoteException("a verifier key is <name>+<8 hex digits>+<base64 key>");
    }
    byte[] typed = StrictBase64.decode(parts[2]);
    if (typed == null) {
      throw new NoteException("a verifier key is <name>+<8 hex digits>+<base64 key>");
    }
    NoteVerifier verifier = Ed25519NoteVerifier.parse(parts[0], typed);
    if (verifier == null) {
      verifier = Sm2NoteVerifier.parse(parts[0], typed);
    }
    if (verifier == null) {
      throw new NoteException("a verifier key holds an Ed25519 (0x01) or SM2 (0xff) key");
    }
    if (verifier.keyHash() != (int) Long.parseLong(parts[1], 16)) {
      throw new NoteException("the verifier key's hash does not match its name and key");
    }
    return verifier;
  }
}
