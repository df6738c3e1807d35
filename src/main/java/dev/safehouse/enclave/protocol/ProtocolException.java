package dev.safehouse.enclave.protocol;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.SafehouseException;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Raised when bytes on the enclave socket do not form a valid frame, or a message is not allowed.
 *
 * <p>The message is safe to log: it names what was wrong (for example "unknown message type 0x7e")
 * but never repeats payload bytes. Reported as {@link ProblemType#INTERNAL} if it reaches an API
 * caller, because a protocol failure is never the caller's fault.
 */
public final class ProtocolException extends SafehouseException {
  private static final long serialVersionUID = 1L;

  /** The stable error code. */
  private final ErrorCode code;

  /** The failed frame's request id; meaningful only if {@link #hasRequestId}. */
  private final long requestId;

  /** Whether the frame header, and so its request id, could be read. */
  private final boolean hasRequestId;

  /** Whether the reader is still on a frame boundary. */
  private final boolean frameConsumed;

  private ProtocolException(
      ErrorCode code, String safeMessage, OptionalLong requestId, boolean frameConsumed) {
    super(ProblemType.INTERNAL, safeMessage);
    this.code = Objects.requireNonNull(code, "code");
    this.hasRequestId = requestId.isPresent();
    this.requestId = requestId.orElse(0);
    this.frameConsumed = frameConsumed;
  }

  /**
   * Creates a failure after which the stream cannot be read further (oversize length, truncation).
   *
   * @param code the error code
   * @param safeMessage what was wrong, without payload content
   * @return the exception
   */
  public static ProtocolException fatal(ErrorCode code, String safeMessage) {
    return new ProtocolException(code, safeMessage, OptionalLong.empty(), false);
  }

  /**
   * Creates a failure of one frame that was read completely, so the next frame can still be read.
   *
   * @param code the error code
   * @param safeMessage what was wrong, without payload content
   * @param requestId the frame's request id, if its header was complete
   * @return the exception
   */
  public static ProtocolException inFrame(
      ErrorCode code, String safeMessage, OptionalLong requestId) {
    return new ProtocolException(code, safeMessage, requestId, true);
  }

  /** Returns the stable error code, the same the enclave would send in an {@link ErrorResponse}. */
  public ErrorCode code() {
    return code;
  }

  /** Returns the failed frame's request id, if its header could be read. */
  public OptionalLong requestId() {
    return hasRequestId ? OptionalLong.of(requestId) : OptionalLong.empty();
  }

  /**
   * Returns whether the whole bad frame was consumed, so that the reader is still aligned on a
   * frame boundary and may answer with an {@link ErrorResponse} and continue.
   */
  public boolean frameConsumed() {
    return frameConsumed;
  }
}
