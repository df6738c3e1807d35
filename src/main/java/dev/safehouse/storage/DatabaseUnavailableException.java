package dev.safehouse.storage;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.SafehouseException;

/**
 * Raised at start-up when no database can be found or prepared. The message tells the operator what
 * to set; it never contains a password.
 */
public final class DatabaseUnavailableException extends SafehouseException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with an operator-facing message. */
  public DatabaseUnavailableException(String safeMessage) {
    super(ProblemType.SERVICE_UNAVAILABLE, safeMessage);
  }

  /** Creates the exception with an operator-facing message and the underlying failure. */
  public DatabaseUnavailableException(String safeMessage, Throwable cause) {
    super(ProblemType.SERVICE_UNAVAILABLE, safeMessage, cause);
  }
}
