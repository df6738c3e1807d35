package dev.safehouse.enclave.host;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stops child processes and threads within bounded time, preserving the interrupt status. */
final class ChildProcesses {
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private ChildProcesses() {}

  /**
   * Lets the process exit on its own for up to {@code grace}, then kills it (SIGKILL).
   *
   * @return its exit status, or -1 if it could not be observed in time
   */
  static int stop(Process process, Duration grace) {
    boolean interrupted = false;
    try {
      try {
        if (!grace.isZero() && process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          return process.exitValue();
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
      process.destroyForcibly();
      while (true) {
        try {
          return process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)
              ? process.exitValue()
              : -1;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Waits for a thread to end for up to {@code timeout}; keeps the caller's interrupt status. */
  static void join(Thread thread, Duration timeout) {
    if (thread == Thread.currentThread()) {
      return;
    }
    try {
      thread.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
