package dev.safehouse.enclave.protocol;

import java.util.Objects;

/**
 * The enclave's answer when it cannot or will not answer a request.
 *
 * <p>Payload: {@code u16 code ‖ str16 message}. The message is safe to log: it never contains
 * request content, data values or key material.
 *
 * @param code the stable error code
 * @param safeMessage a short explanation safe to log and show to operators
 */
public record ErrorResponse(ErrorCode code, String safeMessage) implements Response {

  /** Validates the fields. */
  public ErrorResponse {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(safeMessage, "safeMessage");
  }

  /**
   * Builds the response that reports a protocol failure.
   *
   * @param failure the failure, whose message is already safe
   * @return a response with the failure's code and message
   */
  public static ErrorResponse of(ProtocolException failure) {
    return new ErrorResponse(failure.code(), failure.getMessage());
  }

  @Override
  public MessageType type() {
    return MessageType.ERROR_RESPONSE;
  }
}
