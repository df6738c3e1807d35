package dev.safehouse.enclave.host;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.enclave.protocol.ErrorCode;
import dev.safehouse.enclave.protocol.ErrorResponse;
import java.util.Objects;

/**
 * Raised by the blocking calls of {@link EnclaveConnection} when the enclave answered with an
 * {@link ErrorResponse} or with a response of the wrong kind. Reported as {@link
 * ProblemType#INTERNAL}; the message is the enclave's safe message.
 */
public final class EnclaveErrorException extends SafehouseException {
  private static final long serialVersionUID = 1L;

  /** The enclave's error code. */
  private final ErrorCode code;

  /**
   * Creates the exception.
   *
   * @param code the enclave's error code
   * @param safeMessage the enclave's safe message
   */
  public EnclaveErrorException(ErrorCode code, String safeMessage) {
    super(ProblemType.INTERNAL, safeMessage);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** Returns the enclave's error code. */
  public ErrorCode code() {
    return code;
  }
}
