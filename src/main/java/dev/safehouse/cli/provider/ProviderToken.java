package dev.safehouse.cli.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the caller's bearer token (a provider's, or an auditor's for {@code safehouse audit}): a
 * file named on the command line, else {@code $SAFEHOUSE_TOKEN}.
 */
public final class ProviderToken {
  private ProviderToken() {}

  /**
   * Returns the token.
   *
   * @throws IllegalArgumentException if there is none or the file cannot be read; the message never
   *     contains the token
   */
  public static String read(Path tokenFile) {
    if (tokenFile != null) {
      try {
        String token = Files.readString(tokenFile, StandardCharsets.US_ASCII).strip();
        if (!token.isEmpty()) {
          return token;
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the token file " + tokenFile);
      }
      throw new IllegalArgumentException("the token file " + tokenFile + " is empty");
    }
    String fromEnv = System.getenv("SAFEHOUSE_TOKEN");
    if (fromEnv == null || fromEnv.isBlank()) {
      throw new IllegalArgumentException("no token: use --token-file or set SAFEHOUSE_TOKEN");
    }
    return fromEnv.strip();
  }
}
