package dev.safehouse.cli.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safehouse.crypto.AttestationDocument;
import dev.safehouse.crypto.AttestationVerifier;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Verifier;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code safehouse provider attest}: fetches the enclave's attestation for a fresh nonce, verifies
 * it against the pinned platform key and the approved measurement, and only then saves the
 * enclave's public keys for {@code encrypt}.
 */
@Command(
    name = "attest",
    description = "Verify the enclave's attestation and save its verified public keys.",
    mixinStandardHelpOptions = true)
public final class AttestCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--server", defaultValue = "http://127.0.0.1:8080", description = "service URL")
  URI server;

  @Option(names = "--token-file", description = "bearer token file (default: $SAFEHOUSE_TOKEN)")
  Path tokenFile;

  @Option(
      names = "--platform-key",
      required = true,
      description = "pinned platform verification key file")
  Path platformKey;

  @Option(
      names = "--measurement",
      required = true,
      description = "the approved enclave measurement (hex)")
  String measurement;

  @Option(names = "--allow-debug", description = "accept a debug / development enclave")
  boolean allowDebug;

  @Option(
      names = "--out",
      defaultValue = "enclave-keys.json",
      description = "where to save the verified keys")
  Path out;

  @Override
  public Integer call() throws Exception {
    ApiClient api = new ApiClient(server, ProviderToken.read(tokenFile));
    Verifier platform = readPlatformKey(Files.readString(platformKey));
    AttestationDocument verified = attest(api, platform, measurement, allowDebug);
    write(out, verified);
    spec.commandLine()
        .getOut()
        .printf(
            "verified enclave %s%s, suite %s; keys saved to %s%n",
            verified.measurement().substring(0, 16),
            verified.debug() ? " (DEBUG / development enclave)" : "",
            verified.suite(),
            out);
    return 0;
  }

  /**
   * Reads a pinned platform key: the text form of an Ed25519 key (suite {@code intl}) or of an SM2
   * key, base64 DER or a {@code PUBLIC KEY} PEM (suite {@code sm}). The key's suite is the suite
   * the attestation must name.
   *
   * @throws dev.safehouse.crypto.CryptoFailureException if the text is no such key
   */
  public static Verifier readPlatformKey(String text) {
    return CryptoSuite.ofKeyText(text).verifierFromText(text.strip());
  }

  /**
   * Fetches and verifies an attestation with a fresh 32-byte nonce.
   *
   * @throws AttestationVerifier.RejectedException if any check fails
   */
  public static AttestationDocument attest(
      ApiClient api, Verifier platform, String measurement, boolean allowDebug) throws Exception {
    byte[] nonce = new byte[32];
    new SecureRandom().nextBytes(nonce);
    String nonceHex = HexFormat.of().formatHex(nonce);
    JsonNode answer =
        ApiClient.json(
            api.send(
                "GET",
                "/v1/enclave/attestation?nonce=" + nonceHex,
                HttpRequest.BodyPublishers.noBody(),
                null));
    AttestationVerifier.Signed signed =
        new AttestationVerifier.Signed(
            answer.path("documentBase64").asText(null),
            answer.path("signatureBase64").asText(null));
    return AttestationVerifier.verify(signed, platform, measurement, nonceHex, allowDebug);
  }

  /**
   * Saves the verified keys as JSON: measurement, policy hash, HPKE keyset (base64), signing key.
   */
  static void write(Path out, AttestationDocument verified) throws Exception {
    ObjectNode keys = JSON.createObjectNode();
    keys.put("suite", verified.suite());
    keys.put("measurement", verified.measurement());
    keys.put("policyHash", verified.policyHash());
    keys.put("wrappingKey", Base64.getEncoder().encodeToString(verified.wrappingKey()));
    keys.put("signingKey", verified.signingKey());
    keys.put("debug", verified.debug());
    Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(keys));
  }
}
