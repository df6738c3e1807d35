package dev.safehouse.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.security.GeneralSecurityException;

/**
 * Prints a fresh development keyset as cleartext Tink JSON, for {@code keys-dev/regenerate.sh}:
 * {@code master} (AES256_GCM, the dev KMS key) or {@code platform} (Ed25519, the dev attestation
 * platform key); or, with {@code public-of FILE}, the text form of the verification key of an
 * Ed25519 keyset file. Development only: the keysets are printed as secrets in the clear.
 */
public final class InsecureDevKeyGenerator {
  private InsecureDevKeyGenerator() {}

  /**
   * Prints the keyset named by {@code args[0]}.
   *
   * @param args {@code master}, {@code platform}, or {@code public-of FILE}
   */
  public static void main(String[] args) throws GeneralSecurityException, IOException {
    TinkPrimitives.register();
    if (args.length == 2 && args[0].equals("public-of")) {
      String json = java.nio.file.Files.readString(java.nio.file.Path.of(args[1]));
      System.out.println(SigningKey.fromInsecureJson(json).verificationKey().toText());
      return;
    }
    String kind = args.length == 1 ? args[0] : "";
    String template =
        switch (kind) {
          case "master" -> "AES256_GCM";
          case "platform" -> "ED25519";
          default ->
              throw new IllegalArgumentException("usage: InsecureDevKeyGenerator master|platform");
        };
    System.out.println(keysetJson(template));
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
