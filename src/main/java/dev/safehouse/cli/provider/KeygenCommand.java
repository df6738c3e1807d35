package dev.safehouse.cli.provider;

import dev.safehouse.crypto.SigningKey;
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
 * {@code safehouse provider keygen}: creates the provider's Ed25519 signing key file (mode 0600)
 * and prints its public key for the steward to register.
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

  @Override
  public Integer call() throws Exception {
    if (Files.exists(out)) {
      throw new IllegalArgumentException(out + " exists; refusing to overwrite a key");
    }
    SigningKey key = SigningKey.generate();
    Files.createFile(
        out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(out, key.toInsecureJson(), StandardCharsets.UTF_8);
    spec.commandLine().getOut().println(key.verificationKey().toText());
    return 0;
  }
}
