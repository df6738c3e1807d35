package dev.safehouse.enclave;

import java.io.PrintStream;

/**
 * Writes the enclave's operational log lines to standard error, which the host reads and forwards
 * to its own log. Callers pass fixed text and safe values only: never payloads, tokens or data.
 */
final class OperationalLog {
  private static final PrintStream ERR = System.err;

  private OperationalLog() {}

  static void info(String line) {
    ERR.println("INFO " + line);
  }

  static void warn(String line) {
    ERR.println("WARN " + line);
  }
}
