package dev.safehouse.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.security.GeneralSecurityException;

/**
 * Prints a fresh development key for {@code keys-dev/regenerate.sh}: {@code master} (AES256_GCM
 * Tink JSON, the dev KMS key), {@code platform} (Ed25519 Tink JSON, the {@code intl} dev
 * attestation platform key) or {@code platform-sm} (SM2 PKCS#8 PEM, the {@code sm} one); or, with
 * {@code public-of FILE}, the text form ({@link Verifier#toText()}) of the verification key of a
 * signing key file of either suite, the suite guessed with {@link CryptoSuite#ofKeyText}.
 * Development only: the keys are printed as secrets in the clear.
 */
public final class InsecureDevKeyGenerator {
  private InsecureDevKeyGenerator() {}

  /**
   * Prints the key named by {@code args[0]}.
   *
   * @param args {@code master}, {@code platform}, {@code platform-sm}, or {@code public-of FILE}
   */
  public static void main(String[] args) throws GeneralSecurityException, IOException {
    TinkPrimitives.register();
    if (args.length == 2 && args[0].equals("public-of")) {
      String text = java.nio.file.Files.readString(java.nio.file.Path.of(args[1]));
      Signer signer = CryptoSuite.ofKeyText(text).signerFromInsecureText(text);
      System.out.println(signer.verifier().toText());
      return;
    }
    String kind = args.length == 1 ? args[0] : "";
    switch (kind) {
      case "master" -> System.out.println(keysetJson("AES256_GCM"));
      case "platform" -> System.out.println(keysetJson("ED25519"));
      case "platform-sm" -> System.out.print(CryptoSuite.SM.newSigner().toInsecureText());
      default ->
          throw new IllegalArgumentException(
              "usage: InsecureDevKeyGenerator master|platform|platform-sm|public-of FILE");
    }
  }

  /** Returns a fresh AES256_GCM keyset for a local KMS key file, as cleartext Tink JSON. */
  public static String masterKeysetJson() {
    return keysetJson("AES256_GCM");
  }

  private static String keysetJson(String template) {
    TinkPrimitives.register();
    try {
      KeysetHandle keyset = KeysetHandle.generateNew(KeyTemplates.get(template));
      return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a keyset", e);
    }
  }
}
