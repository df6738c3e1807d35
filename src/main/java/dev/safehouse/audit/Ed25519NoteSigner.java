package dev.safehouse.audit;

import dev.safehouse.crypto.SigningKey;
import java.util.Objects;

/** Signs notes with an Ed25519 {@link SigningKey}; signature type 0x01 of signed-note.md. */
final class Ed25519NoteSigner implements NoteSigner {
  private final String keyName;
  private final SigningKey key;
  private final int keyHash;

  Ed25519NoteSigner(String keyName, SigningKey key) {
    this.keyName = keyName;
    this.key = Objects.requireNonNull(key, "key");
    this.keyHash = NoteKeyName.ed25519KeyHash(keyName, key.verificationKey().rawPublicKey());
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
    return key.signRaw(text);
  }
}
