package dev.safehouse.audit;

import dev.safehouse.crypto.SmSuite;
import java.util.Objects;

/**
 * Signs notes with an SM2 key of suite {@code sm}: signature type {@link NoteKeyName#SM2_TYPE}, the
 * bare DER signature after the key hash.
 */
final class Sm2NoteSigner implements NoteSigner {
  private final String keyName;
  private final SmSuite.Signing key;
  private final int keyHash;

  Sm2NoteSigner(String keyName, SmSuite.Signing key) {
    this.keyName = keyName;
    this.key = Objects.requireNonNull(key, "key");
    this.keyHash =
        NoteKeyName.sm2KeyHash(keyName, ((SmSuite.Verifying) key.verifier()).key().toSpki());
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
  public byte[] sign(byte[] text) {
    return key.sign(text);
  }
}
