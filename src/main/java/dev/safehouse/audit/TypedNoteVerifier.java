package dev.safehouse.audit;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What every note verifier shares whatever its signature type: the key name, the typed public key
 * ({@code type ‖ key}) and its key hash, and the verifier key text {@code
 * <name>+<hash>+<base64(type ‖ key)>}. Subclasses check signatures.
 */
abstract class TypedNoteVerifier implements NoteVerifier {
  private final String keyName;
  private final byte[] typedKey;
  private final int keyHash;

  TypedNoteVerifier(String keyName, byte[] type, byte[] publicKey, int keyHash) {
    this.keyName = keyName;
    this.typedKey = Arrays.copyOf(type, type.length + publicKey.length);
    System.arraycopy(publicKey, 0, typedKey, type.length, publicKey.length);
    this.keyHash = keyHash;
  }

  @Override
  public final String verifierKey() {
    return keyName
        + "+"
        + HexFormat.of().toHexDigits(keyHash)
        + "+"
        + Base64.getEncoder().encodeToString(typedKey);
  }

  @Override
  public final String keyName() {
    return keyName;
  }

  @Override
  public final int keyHash() {
    return keyHash;
  }
}
