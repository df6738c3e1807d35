package dev.safehouse.audit;

import dev.safehouse.crypto.IntlSuite;
import dev.safehouse.crypto.Signer;
import dev.safehouse.crypto.SigningKey;
import dev.safehouse.crypto.SmSuite;

/**
 * Signs note text for a C2SP signed note under one key name. The key stays with whoever implements
 * this (the enclave); the audit package sees only signatures.
 *
 * <h2>Security guarantees</h2>
 *
 * A note signed through {@link SignedNote#sign} verifies only under the matching {@link
 * NoteVerifier}. Not guaranteed: that the signer checked what it signs — {@link Checkpoint#sign}
 * signs whatever root it is given.
 */
public interface NoteSigner {
  /** Returns the key name written in the signature line. */
  String keyName();

  /** Returns the 4-byte key hash, as a big-endian int, that precedes the signature. */
  int keyHash();

  /** Signs the exact note text bytes and returns the bare signature. */
  byte[] sign(byte[] text);

  /**
   * Returns a signer that signs with an Ed25519 key.
   *
   * @throws NoteException if the key name is empty or holds whitespace or '+'
   */
  static NoteSigner ed25519(String keyName, SigningKey key) {
    return new Ed25519NoteSigner(NoteKeyName.require(keyName), key);
  }

  /**
   * Returns a signer for a key of either suite: Ed25519 (type 0x01) for {@code intl}, SM2 (type
   * 0xff "safehouse/sm2-sm3") for {@code sm}.
   *
   * @throws NoteException if the key name is empty or holds whitespace or '+'
   */
  static NoteSigner of(String keyName, Signer key) {
    String name = NoteKeyName.require(keyName);
    if (key instanceof IntlSuite.Signing intl) {
      return new Ed25519NoteSigner(name, intl.key());
    }
    return new Sm2NoteSigner(name, (SmSuite.Signing) key);
  }
}
