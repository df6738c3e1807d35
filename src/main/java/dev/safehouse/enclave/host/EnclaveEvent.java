package dev.safehouse.enclave.host;

import java.time.Duration;
import java.util.Objects;

/**
 * A lifecycle event of the supervised enclave, delivered to listeners in order on the supervisor
 * thread; the host records them (audit, metrics). Every event names the generation, the 1-based
 * count of launches it belongs to. Carries no secrets.
 */
public sealed interface EnclaveEvent {

  /** Returns the generation this event belongs to. */
  long generation();

  /**
   * A child process was launched.
   *
   * @param generation its generation
   * @param pid its process id
   */
  record Started(long generation, long pid) implements EnclaveEvent {}

  /**
   * The child connected and passed the handshake; it now serves requests.
   *
   * @param generation its generation
   * @param pid its process id
   */
  record Ready(long generation, long pid) implements EnclaveEvent {}

  /**
   * A generation failed before becoming READY: launch error, start timeout or rejected Hello.
   *
   * @param generation its generation
   * @param safeReason why, safe to log and store
   */
  record Failed(long generation, String safeReason) implements EnclaveEvent {
    /** Validates the fields. */
    public Failed {
      Objects.requireNonNull(safeReason, "safeReason");
    }
  }

  /**
   * The child process ended (on its own, killed after a lost connection, or at close).
   *
   * @param generation its generation
   * @param pid its process id
   * @param exitCode its exit status; 128 + n when killed by signal n (137 for SIGKILL)
   */
  record Exited(long generation, long pid, int exitCode) implements EnclaveEvent {}

  /**
   * The next launch will happen after a delay.
   *
   * @param generation the generation that will be launched
   * @param delay how long the supervisor waits first
   */
  record RestartScheduled(long generation, Duration delay) implements EnclaveEvent {
    /** Validates the fields. */
    public RestartScheduled {
      Objects.requireNonNull(delay, "delay");
    }
  }
}
