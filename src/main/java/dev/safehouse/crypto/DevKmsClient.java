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
 * A stand-in KMS for development: {@code dev-kms://<path>} names a cleartext Tink JSON AEAD keyset
 * on disk (the one in {@code keys-dev/}). Whoever can read that file holds the master key, which is
 * why the prod profile refuses it; a deployment registers its cloud KMS client instead.
 */
final class DevKmsClient implements KmsClient {
  static final String PREFIX = "dev-kms://";

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
      throw new GeneralSecurityException("cannot read the dev master keyset", e);
    }
  }
}
