package dev.safehouse.enclave.protocol;

import java.util.Objects;

/**
 * The enclave's answer to a {@link StatusRequest}: operational facts about the enclave process,
 * never data.
 *
 * <p>Payload: {@code u8 protocolVersion ‖ i64 pid ‖ i64 startEpochMillis ‖ i64 uptimeMillis ‖ i64
 * requestsServed ‖ str16 jvmVersion ‖ i64 availableHeapBytes}.
 *
 * @param protocolVersion the protocol version the enclave speaks, 0..255
 * @param pid the enclave's operating-system process id
 * @param startEpochMillis when the enclave process started, milliseconds since the epoch
 * @param uptimeMillis how long the enclave has been running, in milliseconds, not negative
 * @param requestsServed requests answered so far on this connection, including this one, not
 *     negative
 * @param jvmVersion the enclave JVM's {@code Runtime.version()} string
 * @param availableHeapBytes heap the enclave could still allocate (max minus used), not negative
 */
public record StatusResponse(
    int protocolVersion,
    long pid,
    long startEpochMillis,
    long uptimeMillis,
    long requestsServed,
    String jvmVersion,
    long availableHeapBytes)
    implements Response {

  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException if the version does not fit in a byte or a count is negative
   */
  public StatusResponse {
    Objects.requireNonNull(jvmVersion, "jvmVersion");
    if (protocolVersion < 0 || protocolVersion > 0xFF) {
      throw new IllegalArgumentException("protocol version must fit in one unsigned byte");
    }
    if (uptimeMillis < 0 || requestsServed < 0 || availableHeapBytes < 0) {
      throw new IllegalArgumentException("uptime, request count and heap must not be negative");
    }
  }

  @Override
  public MessageType type() {
    return MessageType.STATUS_RESPONSE;
  }
}
