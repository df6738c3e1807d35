package dev.safehouse.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClient;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Obtains the master key — a Tink {@link Aead} — from a KMS URI, through Tink's {@link KmsClient}
 * interface: the same path whether the URI names a cloud KMS key ({@code aws-kms://…}, {@code
 * gcp-kms://…}, with its client registered by the deployment) or the development keyset ({@code
 * local-kms://path}, always available, refused by the prod profile).
 */
public final class MasterKeys {
  private static final List<KmsClient> CLIENTS =
      new CopyOnWriteArrayList<>(List.of(new LocalKmsClient()));

  private MasterKeys() {}

  /** Registers the client of a real KMS; later registrations win for URIs both support. */
  public static void register(KmsClient client) {
    CLIENTS.add(0, client);
  }

  /**
   * Returns the AEAD behind {@code kmsUri}; see {@link MasterKey#fromKmsUri}.
   *
   * @throws CryptoFailureException if no client supports the URI or the key cannot be reached
   */
  static Aead aeadFor(String kmsUri) {
    TinkPrimitives.register();
    for (KmsClient client : CLIENTS) {
      if (client.doesSupport(kmsUri)) {
        try {
          return client.getAead(kmsUri);
        } catch (GeneralSecurityException | RuntimeException e) {
          throw new CryptoFailureException("obtaining the master key", e);
        }
      }
    }
    throw new CryptoFailureException("obtaining the master key", null);
  }
}
