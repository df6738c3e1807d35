package dev.safehouse.cli.provider;

import picocli.CommandLine.Command;

/** {@code safehouse provider …}: what a data provider runs on its own machine. */
@Command(
    name = "provider",
    description = "Data provider tools: upload encrypted datasets.",
    mixinStandardHelpOptions = true,
    subcommands = {UploadCommand.class})
public final class ProviderCommand {}
