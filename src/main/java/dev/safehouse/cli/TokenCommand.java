package dev.safehouse.cli;

import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.common.Role;
import dev.safehouse.common.Uscc;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code safehouse token}: prints a signed development token for one role to standard output. */
@Command(
    name = "token",
    description = "Mint a development JWT (dev key only; production tokens come from your IdP).",
    mixinStandardHelpOptions = true)
final class TokenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--role",
      required = true,
      description = "institution, researcher, steward, auditor, provider, subject or admin")
  String role;

  @Option(names = "--sub", required = true, description = "the token's subject (user or client id)")
  String subject;

  @Option(names = "--org", description = "the caller's organisation")
  String organisation;

  @Option(
      names = "--uscc",
      description = "the enterprise's unified social credit code (role subject)")
  String uscc;

  @Option(names = "--ttl", defaultValue = "PT1H", description = "lifetime, ISO-8601 (default PT1H)")
  Duration ttl;

  @Option(
      names = "--key",
      description =
          "PKCS#8 PEM signing key file (default: $SAFEHOUSE_TOKEN_SIGNING_KEY_FILE,"
              + " else keys-dev/token-signing.private.pem)")
  Path keyFile;

  @Option(names = "--issuer", defaultValue = "https://safehouse.dev/dev", description = "iss claim")
  String issuer;

  @Option(names = "--audience", defaultValue = "safehouse", description = "aud claim")
  String audience;

  @Override
  public Integer call() {
    Role parsedRole =
        Role.fromClaimName(role.strip().toLowerCase(Locale.ROOT))
            .orElseThrow(() -> new IllegalArgumentException("unknown role; see --help"));
    Optional<Uscc> code;
    try {
      code = Optional.ofNullable(uscc).map(Uscc::parse);
    } catch (InvalidRequestException e) {
      throw new IllegalArgumentException("--uscc: " + e.getMessage());
    }
    DevTokenIssuer.Grant grant =
        new DevTokenIssuer.Grant(subject, parsedRole, Optional.ofNullable(organisation), code);
    DevTokenIssuer issuerOfTokens =
        new DevTokenIssuer(SigningKeyFile.read(resolveKeyFile()), issuer, audience);
    spec.commandLine().getOut().println(issuerOfTokens.mint(grant, Instant.now(), ttl));
    return 0;
  }

  private Path resolveKeyFile() {
    if (keyFile != null) {
      return keyFile;
    }
    String fromEnv = System.getenv("SAFEHOUSE_TOKEN_SIGNING_KEY_FILE");
    return Path.of(
        fromEnv != null && !fromEnv.isBlank() ? fromEnv : "keys-dev/token-signing.private.pem");
  }
}
