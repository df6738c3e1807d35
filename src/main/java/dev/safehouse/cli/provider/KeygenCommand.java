package dev.safehouse.cli.provider;

import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Signer;
import dev.safehouse.crypto.UnknownSuiteException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code safehouse provider keygen}: creates the provider's signing key file (mode 0600) of the
 * deployment's crypto suite — Ed25519 (Tink JSON) for {@code intl}, SM2 (PKCS#8 PEM) for {@code sm}
 * — and prints its public key for the steward to register.
 */
@Command(
    name = "keygen",
    description =
        "Create a provider signing key; prints the public key to register with a steward.",
    mixinStandardHelpOptions = true)
public final class KeygenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      description = "where to write the private key (not overwritten)")
  Path out;

  @Option(
      names = "--suite",
      defaultValue = "intl",
      description =
          "the deployment's crypto suite: intl (Ed25519) or sm (SM2); default ${DEFAULT-VALUE}")
  String suite;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(out)) {
      throw new IllegalArgumentException(out + " exists; refusing to overwrite a key");
    }
    CryptoSuite keySuite;
    try {
      keySuite = CryptoSuite.fromWireName(suite);
    } catch (UnknownSuiteException e) {
      throw new IllegalArgumentException("--suite must be intl or sm");
    }
    Signer key = keySuite.newSigner();
    Files.createFile(
        out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(out, key.toInsecureText(), StandardCharsets.UTF_8);
    spec.commandLine().getOut().println(key.verifier().toText());
    return 0;
  }
}
