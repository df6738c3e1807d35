package dev.safehouse.audit;

import dev.safehouse.crypto.SmSuite;
import java.util.Objects;

/**
 * Signs notes with an SM2 key of suite {@code sm}: signature type {@link NoteKeyName#SM2_TYPE}, the
 * bare DER signature after the key hash.
 */
final class Sm2NoteSigner extends KeyedNoteSigner {
  private final SmSuite.Signing key;

  Sm2NoteSigner(String keyName, SmSuite.Signing key) {
    super(
        keyName,
        NoteKeyName.sm2KeyHash(keyName, ((SmSuite.Verifying) key.verifier()).key().toSpki()));
    this.key = Objects.requireNonNull(key, "key");
  }

  @Override
  public byte[] sign(byte[] text) {
    return key.sign(text);
  }
}
