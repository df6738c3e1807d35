package dev.safehouse.cli.audit;

import picocli.CommandLine.Command;

/** {@code safehouse audit …}: what an auditor runs to verify and monitor the audit log. */
@Command(
    name = "audit",
    description = "Auditor tools: verify (monitor the log), verify-receipt, checkpoint.",
    mixinStandardHelpOptions = true,
    subcommands = {VerifyCommand.class, VerifyReceiptCommand.class, CheckpointCommand.class})
public final class AuditCommand {}
