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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The enclave's keys in each suite: sealing, unsealing, wrapping; and that suites do not mix. */
class EnclaveKeysTest {
  private static final String SUITES = "dev.safehouse.testing.TestSuite#all";

  private static final byte[] CONTEXT = "public-credit|v1".getBytes(StandardCharsets.US_ASCII);

  private static MasterKey newMaster() throws Exception {
    TinkPrimitives.register();
    return new MasterKey(
        KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM"))
            .getPrimitive(RegistryConfiguration.get(), Aead.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(SUITES)
  void sealThenUnseal_keepsTheSameKeys(CryptoSuite suite) throws Exception {
    MasterKey master = newMaster();
    EnclaveKeys keys = EnclaveKeys.generate(suite);
    SealedEnclaveKeys sealed = keys.seal(master);
    EnclaveKeys restored = EnclaveKeys.unseal(sealed, master);

    assertThat(sealed.suite()).isEqualTo(suite.wireName());
    assertThat(restored.suite()).isSameAs(suite);
    assertThat(restored.publicKeys().wrappingKeyFingerprint())
        .isEqualTo(keys.publicKeys().wrappingKeyFingerprint());
    assertThat(restored.publicKeys().signingKey().keyId())
        .isEqualTo(keys.publicKeys().signingKey().keyId());
    byte[] message = "result".getBytes(StandardCharsets.US_ASCII);
    keys.publicKeys().signingKey().verify(restored.sign(message), message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(SUITES)
  void unseal_wrongMasterTamperedOrSwappedBlobs_failsUniformly(CryptoSuite suite) throws Exception {
    MasterKey master = newMaster();
    SealedEnclaveKeys sealed = EnclaveKeys.generate(suite).seal(master);
    byte[] tampered = sealed.wrapping();
    tampered[tampered.length - 1] ^= 1;
    String name = sealed.suite();

    for (Runnable attempt :
        new Runnable[] {
          () -> EnclaveKeys.unseal(sealed, rethrow(EnclaveKeysTest::newMaster)),
          () -> EnclaveKeys.unseal(new SealedEnclaveKeys(name, tampered, sealed.signing()), master),
          () ->
              EnclaveKeys.unseal(
                  new SealedEnclaveKeys(name, sealed.signing(), sealed.wrapping()), master)
        }) {
      assertThatThrownBy(attempt::run)
          .isInstanceOf(CryptoFailureException.class)
          .hasMessage("unsealing the enclave keys failed");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(SUITES)
  void unseal_keysSealedForOneSuiteNamedAsTheOther_fails(CryptoSuite suite) throws Exception {
    MasterKey master = newMaster();
    SealedEnclaveKeys sealed = EnclaveKeys.generate(suite).seal(master);
    SealedEnclaveKeys renamed =
        new SealedEnclaveKeys(
            dev.safehouse.testing.TestSuite.other(suite).wireName(),
            sealed.wrapping(),
            sealed.signing());

    assertThatThrownBy(() -> EnclaveKeys.unseal(renamed, master))
        .isInstanceOf(CryptoFailureException.class)
        .hasMessage("unsealing the enclave keys failed");
    assertThatThrownBy(
            () ->
                EnclaveKeys.unseal(
                    new SealedEnclaveKeys("SM", sealed.wrapping(), sealed.signing()), master))
        .isInstanceOf(UnknownSuiteException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(SUITES)
  void wrapThenUnwrap_opensOnlyForThatEnclaveAndContext(CryptoSuite suite) throws Exception {
    EnclaveKeys enclave = EnclaveKeys.generate(suite);
    DatasetKey key = suite.newDatasetKey();
    WrappedDataKey wrapped = enclave.publicKeys().wrap(key, CONTEXT);

    DatasetKey opened = enclave.unwrap(wrapped, CONTEXT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream enc = key.encryptingStream(out, CONTEXT)) {
      enc.write(42);
    }
    assertThat(
            opened
                .decryptingStream(new ByteArrayInputStream(out.toByteArray()), CONTEXT)
                .readAllBytes())
        .containsExactly(42);

    assertThatThrownBy(() -> EnclaveKeys.generate(suite).unwrap(wrapped, CONTEXT))
        .isInstanceOf(CryptoFailureException.class)
        .hasMessage("decryption failed");
    assertThatThrownBy(
            () -> enclave.unwrap(wrapped, "market-credit|v1".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(CryptoFailureException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(SUITES)
  void keysOfTheOtherSuite_areRefused(CryptoSuite suite) {
    CryptoSuite other = dev.safehouse.testing.TestSuite.other(suite);
    EnclaveKeys enclave = EnclaveKeys.generate(suite);

    assertThatThrownBy(() -> enclave.publicKeys().wrap(other.newDatasetKey(), CONTEXT))
        .isInstanceOf(IllegalArgumentException.class);
    WrappedDataKey theirs =
        EnclaveKeys.generate(other).publicKeys().wrap(other.newDatasetKey(), CONTEXT);
    assertThatThrownBy(() -> enclave.unwrap(theirs, CONTEXT))
        .isInstanceOf(CryptoFailureException.class);
    assertThatThrownBy(
            () ->
                new EnclavePublicKeys(
                    enclave.publicKeys().wrappingKey(), other.newSigner().verifier()))
        .isInstanceOf(IllegalArgumentException.class);
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
    for (CryptoSuite suite : new CryptoSuite[] {CryptoSuite.INTL, CryptoSuite.SM}) {
      SealedEnclaveKeys sealed = EnclaveKeys.generate(suite).seal(master);
      EnclaveKeys.unseal(sealed, MasterKey.fromKmsUri("local-kms://" + file));
    }

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
