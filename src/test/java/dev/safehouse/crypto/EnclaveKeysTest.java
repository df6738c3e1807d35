package dev.safehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnclaveKeysTest {
  private static final byte[] CONTEXT = "public-credit|v1".getBytes(StandardCharsets.US_ASCII);

  private static MasterKey newMaster() throws Exception {
    TinkPrimitives.register();
    return new MasterKey(
        KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM"))
            .getPrimitive(RegistryConfiguration.get(), Aead.class));
  }

  @Test
  void sealThenUnseal_keepsTheSameKeys() throws Exception {
    MasterKey master = newMaster();
    EnclaveKeys keys = EnclaveKeys.generate();
    EnclaveKeys restored = EnclaveKeys.unseal(keys.seal(master), master);

    assertThat(restored.publicKeys().hpkeFingerprint())
        .isEqualTo(keys.publicKeys().hpkeFingerprint());
    byte[] message = "result".getBytes(StandardCharsets.US_ASCII);
    keys.publicKeys().signingKey().verify(restored.sign(message), message);
  }

  @Test
  void unseal_wrongMasterTamperedOrSwappedBlobs_failsUniformly() throws Exception {
    MasterKey master = newMaster();
    SealedEnclaveKeys sealed = EnclaveKeys.generate().seal(master);
    byte[] tampered = sealed.hpke();
    tampered[tampered.length - 1] ^= 1;

    for (Runnable attempt :
        new Runnable[] {
          () -> EnclaveKeys.unseal(sealed, rethrow(EnclaveKeysTest::newMaster)),
          () -> EnclaveKeys.unseal(new SealedEnclaveKeys(tampered, sealed.signing()), master),
          () -> EnclaveKeys.unseal(new SealedEnclaveKeys(sealed.signing(), sealed.hpke()), master)
        }) {
      assertThatThrownBy(attempt::run)
          .isInstanceOf(CryptoFailureException.class)
          .hasMessage("unsealing the enclave keys failed");
    }
  }

  @Test
  void wrapThenUnwrap_opensOnlyForThatEnclaveAndContext() throws Exception {
    EnclaveKeys enclave = EnclaveKeys.generate();
    DataKey key = DataKey.generate();
    WrappedDataKey wrapped = enclave.publicKeys().wrap(key, CONTEXT);

    DataKey opened = enclave.unwrap(wrapped, CONTEXT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream enc = key.encryptingStream(out, CONTEXT)) {
      enc.write(42);
    }
    assertThat(
            opened
                .decryptingStream(new ByteArrayInputStream(out.toByteArray()), CONTEXT)
                .readAllBytes())
        .containsExactly(42);

    assertThatThrownBy(() -> EnclaveKeys.generate().unwrap(wrapped, CONTEXT))
        .isInstanceOf(CryptoFailureException.class)
        .hasMessage("decryption failed");
    assertThatThrownBy(
            () -> enclave.unwrap(wrapped, "market-credit|v1".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(CryptoFailureException.class);
  }

  @Test
  void masterKeys_devKmsUri_readsTheKeysetFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("master.json");
    Files.writeString(
        file,
        com.google.crypto.tink.TinkJsonProtoKeysetFormat.serializeKeyset(
            KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM")),
            com.google.crypto.tink.InsecureSecretKeyAccess.get()));
    MasterKey master = MasterKey.fromKmsUri("local-kms://" + file);
    SealedEnclaveKeys sealed = EnclaveKeys.generate().seal(master);
    EnclaveKeys.unseal(sealed, MasterKey.fromKmsUri("local-kms://" + file));

    assertThatThrownBy(() -> MasterKey.fromKmsUri("aws-kms://arn:aws:kms:nowhere"))
        .isInstanceOf(CryptoFailureException.class);
    assertThatThrownBy(() -> MasterKey.fromKmsUri("local-kms://" + dir.resolve("absent.json")))
        .isInstanceOf(CryptoFailureException.class);
  }

  private interface ThrowingSupplier<T> {
    T get() throws Exception;
  }

  private static <T> T rethrow(ThrowingSupplier<T> supplier) {
    try {
      return supplier.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
