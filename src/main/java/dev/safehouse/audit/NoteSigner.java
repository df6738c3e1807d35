package dev.safehouse.audit;

import dev.safehouse.crypto.SigningKey;

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
}
