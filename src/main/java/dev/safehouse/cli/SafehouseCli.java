package dev.safehouse.cli;

import dev.safehouse.cli.demo.DemoDataCommand;
import dev.safehouse.cli.provider.ProviderCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code safehouse} command line for providers, auditors and developers. A plain picocli
 * program: it boots no Quarkus, opens no database, and runs on the caller's own machine.
 */
@Command(
    name = "safehouse",
    mixinStandardHelpOptions = true,
    version = "safehouse 0.1",
    description = "Safehouse command line.",
    subcommands = {
      TokenCommand.class,
      ProviderCommand.class,
      dev.safehouse.cli.audit.AuditCommand.class,
      DemoDataCommand.class,
      MeasureCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SafehouseCli {
  private SafehouseCli() {}

  /**
   * Runs the command line and exits with its status: 0 on success, 2 on a usage error, 1 on
   * failure.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    // jose4j logs through SLF4J, bound here to the JBoss log manager that ships with the service.
    if (System.getProperty("java.util.logging.manager") == null) {
      System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
    }
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the command line with the given streams and returns the exit status.
   *
   * @param out standard output
   * @param err standard error; receives usage and failure messages
   * @param args the command line
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(SafehouseCli.class);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          // Failures carry safe messages only; no stack traces for users.
          commandLine.getErr().println("safehouse: " + e.getMessage());
          return e instanceof IllegalArgumentException ? 2 : 1;
        });
    return cli.execute(args);
  }
}
