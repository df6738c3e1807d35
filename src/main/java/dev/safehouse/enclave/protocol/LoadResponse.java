package dev.safehouse.enclave.protocol;

import java.util.Objects;

/**
 * Where a load stands after a {@link LoadRequest}.
 *
 * <p>Payload: {@code u8 state ‖ i64 receivedBytes ‖ i64 rows ‖ str16 inputRoot ‖ str16 report}.
 *
 * @param state RECEIVING after an intermediate chunk, LOADED or REJECTED after the last
 * @param receivedBytes envelope bytes received so far
 * @param rows rows loaded (LOADED), else 0
 * @param inputRoot hex Merkle root over the loaded rows (LOADED), else empty
 * @param report why it was rejected (REJECTED): names rows and columns, never a value
 */
public record LoadResponse(
    State state, long receivedBytes, long rows, String inputRoot, String report)
    implements Response {

  /** Outcome so far. */
  public enum State {
    /** More chunks expected. */
    RECEIVING,
    /** Verified, decrypted, validated and loaded. */
    LOADED,
    /** Refused whole; nothing was loaded. */
    REJECTED
  }

  /** Validates the fields. */
  public LoadResponse {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(inputRoot, "inputRoot");
    Objects.requireNonNull(report, "report");
  }

  @Override
  public MessageType type() {
    return MessageType.LOAD_RESPONSE;
  }
}
