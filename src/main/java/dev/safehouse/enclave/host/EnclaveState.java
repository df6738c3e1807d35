package dev.safehouse.enclave.host;

/**
 * The supervisor's view of the enclave.
 *
 * <pre>
 * NEW ─start()→ STARTING ─hello ok→ READY ─child exit / connection lost→ DOWN ─back-off→ STARTING
 *                  └─timeout / bad hello / exit→ DOWN                       any ─close()→ CLOSED
 * </pre>
 */
public enum EnclaveState {
  /** Constructed, {@code start()} not yet called. */
  NEW,
  /** A child has been launched and the host awaits its connection and Hello. */
  STARTING,
  /** A child has connected and authenticated; requests may be sent. */
  READY,
  /** No usable child; a restart is scheduled. */
  DOWN,
  /** {@code close()} was called; no child runs and none will be started. */
  CLOSED
}
