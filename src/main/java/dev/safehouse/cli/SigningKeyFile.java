package dev.safehouse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads an RSA private key from a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}). */
final class SigningKeyFile {
  private SigningKeyFile() {}

  /**
   * Reads the key at {@code path}.
   *
   * @throws IllegalArgumentException if the file is missing, unreadable or not an RSA PKCS#8 PEM;
   *     the message names the path but never the file's content
   */
  static PrivateKey read(Path path) {
    String pem;
    try {
      pem = Files.readString(path, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read signing key file " + path);
    }
    if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalArgumentException(path + " is not a PKCS#8 PEM private key");
    }
    String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s+", "");
    try {
      byte[] der = Base64.getDecoder().decode(body);
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException(path + " does not hold an RSA private key");
    }
  }
}
