package dev.safehouse.common;

/** Raised when a caller's input is not acceptable; reported as 400 {@code invalid-request}. */
public final class InvalidRequestException extends SafehouseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param safeMessage says what is wrong without repeating the submitted value
   */
  public InvalidRequestException(String safeMessage) {
    super(ProblemType.INVALID_REQUEST, safeMessage);
  }
}
