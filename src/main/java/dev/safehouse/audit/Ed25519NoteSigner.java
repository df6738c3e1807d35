package dev.safehouse.audit;

import dev.safehouse.crypto.SigningKey;
import java.util.Objects;

/** Signs notes with an Ed25519 {@link SigningKey}; signature type 0x01 of signed-note.md. */
final class Ed25519NoteSigner extends KeyedNoteSigner {
  private final SigningKey key;

  Ed25519NoteSigner(String keyName, SigningKey key) {
    super(keyName, NoteKeyName.ed25519KeyHash(keyName, key.verificationKey().rawPublicKey()));
    this.key = Objects.requireNonNull(key, "key");
  }

  @Override
  public byte[] sign(byte[] text) {
    return key.signRaw(text);
  }
}
