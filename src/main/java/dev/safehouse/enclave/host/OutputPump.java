package dev.safehouse.enclave.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * Forwards the child's merged stdout/stderr, line by line, to the host's logger, prefixed with the
 * generation. Lines starting with {@code WARN } are logged as warnings; long lines are cut.
 */
final class OutputPump implements Runnable {
  static final int MAX_LINE_CHARS = 4096;

  private final InputStream output;
  private final long generation;
  private final System.Logger log;

  private OutputPump(InputStream output, long generation, System.Logger log) {
    this.output = output;
    this.generation = generation;
    this.log = log;
  }

  static Thread start(InputStream output, long generation, System.Logger log) {
    Thread thread =
        new Thread(new OutputPump(output, generation, log), "enclave-output-" + generation);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void run() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.length() > MAX_LINE_CHARS) {
          line = line.substring(0, MAX_LINE_CHARS) + "…";
        }
        Level level = line.startsWith("WARN ") ? Level.WARNING : Level.INFO;
        log.log(level, "[enclave#" + generation + "] " + line);
      }
    } catch (IOException e) {
      // The pipe closes when the child dies; nothing more to forward.
    }
  }
}
