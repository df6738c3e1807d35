package dev.safehouse.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * A KMS that is a file: {@code local-kms://<path>} names a cleartext Tink JSON AEAD keyset, such as
 * the development one in {@code keys-dev/} or a key file an operator mounts as a secret. Whoever
 * can read the file holds the master key; the prod profile refuses the {@code keys-dev/} one, and a
 * deployment with a cloud KMS registers that client instead.
 */
final class LocalKmsClient implements KmsClient {
  static final String PREFIX = "local-kms://";

  @Override
  public boolean doesSupport(String keyUri) {
    return keyUri != null && keyUri.startsWith(PREFIX);
  }

  @Override
  public KmsClient withCredentials(String credentialPath) {
    return this;
  }

  @Override
  public KmsClient withDefaultCredentials() {
    return this;
  }

  @Override
  public Aead getAead(String keyUri) throws GeneralSecurityException {
    Path file = Path.of(keyUri.substring(PREFIX.length()));
    try {
      KeysetHandle keyset =
          TinkJsonProtoKeysetFormat.parseKeyset(
              Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
      return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot read the master keyset file", e);
    }
  }
}
