package dev.safehouse.crypto;

import com.google.crypto.tink.Aead;
import java.util.Objects;

/**
 * The master key that seals the enclave's private keys: an AEAD held by a KMS (or, in development,
 * the keyset named by a {@code local-kms://} URI). Opaque outside this package.
 */
public final class MasterKey {
  private final Aead aead;

  MasterKey(Aead aead) {
    this.aead = Objects.requireNonNull(aead, "aead");
  }

  /**
   * Obtains the master key named by {@code kmsUri}.
   *
   * @throws CryptoFailureException if no registered KMS client supports the URI or the key is
   *     unreachable
   */
  public static MasterKey fromKmsUri(String kmsUri) {
    return new MasterKey(MasterKeys.aeadFor(kmsUri));
  }

  Aead aead() {
    return aead;
  }
}
