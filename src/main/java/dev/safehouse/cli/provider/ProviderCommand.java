package dev.safehouse.cli.provider;

import picocli.CommandLine.Command;

/** {@code safehouse provider …}: what a data provider runs on its own machine. */
@Command(
    name = "provider",
    description = "Data provider tools: keygen, attest, encrypt, upload.",
    mixinStandardHelpOptions = true,
    subcommands = {
      KeygenCommand.class,
      AttestCommand.class,
      EncryptCommand.class,
      UploadCommand.class
    })
public final class ProviderCommand {}
