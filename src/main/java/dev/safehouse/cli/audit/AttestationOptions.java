package dev.safehouse.cli.audit;

import dev.safehouse.cli.provider.ApiClient;
import dev.safehouse.cli.provider.AttestCommand;
import dev.safehouse.cli.provider.ProviderToken;
import dev.safehouse.crypto.AttestationDocument;
import dev.safehouse.crypto.AttestationVerifier;
import dev.safehouse.crypto.CryptoFailureException;
import dev.safehouse.crypto.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that reach the service and establish the log key: server, token, and what the
 * attestation must show (pinned platform key, approved measurement, debug allowed or not).
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #attestedLogKey} returns the enclave signing key only from an attestation that passed
 * {@link AttestCommand#attest}: platform signature, approved measurement, this run's fresh nonce,
 * debug flag. The token is read from a file or the environment, never from a flag, and never
 * printed.
 */
public final class AttestationOptions {
  @Option(names = "--server", defaultValue = "http://127.0.0.1:8080", description = "service URL")
  URI server;

  @Option(names = "--token-file", description = "bearer token file (default: $SAFEHOUSE_TOKEN)")
  Path tokenFile;

  @Option(names = "--measurement", description = "the approved enclave measurement (hex)")
  String measurement;

  @Option(names = "--platform-key", description = "pinned platform verification key file")
  Path platformKey;

  @Option(names = "--allow-debug", description = "accept a debug / development enclave")
  boolean allowDebug;

  /** Returns whether any attestation option was given. */
  boolean given() {
    return measurement != null || platformKey != null;
  }

  /**
   * Returns a client for the service with the caller's token.
   *
   * @throws IllegalArgumentException if there is no token
   */
  ApiClient api() {
    return new ApiClient(server, ProviderToken.read(tokenFile));
  }

  /**
   * Verifies the enclave's attestation for a fresh nonce and returns its signing key, the log key.
   *
   * @throws IllegalArgumentException if an option is missing or the platform key file is unusable
   * @throws dev.safehouse.crypto.AttestationVerifier.RejectedException if the attestation fails
   * @throws VerificationFailure if the attested signing key is not a verification key of the
   *     attested suite
   */
  Verifier attestedLogKey(ApiClient api, PrintWriter out) throws Exception {
    if (measurement == null || platformKey == null) {
      throw new IllegalArgumentException(
          "attesting the log key needs --measurement and --platform-key");
    }
    Verifier platform;
    try {
      platform = AttestCommand.readPlatformKey(Files.readString(platformKey));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the platform key file " + platformKey);
    } catch (CryptoFailureException e) {
      throw new IllegalArgumentException(
          "the platform key file " + platformKey + " holds no verification key");
    }
    AttestationDocument verified = AttestCommand.attest(api, platform, measurement, allowDebug);
    Verifier logKey;
    try {
      logKey = AttestationVerifier.keysOf(verified).signingKey();
    } catch (CryptoFailureException e) {
      throw new VerificationFailure(
          "the attested enclave signing key is not a verification key of suite "
              + verified.suite());
    }
    out.printf(
        "attestation verified: suite %s, enclave %s%s, fresh nonce; log key %s%n",
        verified.suite(),
        verified.measurement().substring(0, Math.min(16, verified.measurement().length())),
        verified.debug() ? " (DEBUG / development enclave)" : "",
        logKey.keyId().substring(0, 16));
    return logKey;
  }
}
