package dev.safehouse.common;

/**
 * Raised when the enclave process is not running, not yet connected, or did not answer in time;
 * reported as 503 {@code enclave-unavailable}. Callers may retry: the supervisor restarts the
 * enclave.
 */
public final class EnclaveUnavailableException extends SafehouseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param safeMessage why the enclave cannot be reached, without any request content
   */
  public EnclaveUnavailableException(String safeMessage) {
    super(ProblemType.ENCLAVE_UNAVAILABLE, safeMessage);
  }

  /**
   * Creates the exception with a cause kept for logs.
   *
   * @param safeMessage why the enclave cannot be reached, without any request content
   * @param cause the underlying failure
   */
  public EnclaveUnavailableException(String safeMessage, Throwable cause) {
    super(ProblemType.ENCLAVE_UNAVAILABLE, safeMessage, cause);
  }
}
