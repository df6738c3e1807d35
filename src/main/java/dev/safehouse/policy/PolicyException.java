package dev.safehouse.policy;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.SafehouseException;

/**
 * Raised when a policy file is missing or invalid. The message names the file and the column or
 * field at fault; policy files hold no record values, so it is safe to show.
 */
public final class PolicyException extends SafehouseException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public PolicyException(String safeMessage) {
    super(ProblemType.INTERNAL, safeMessage);
  }

  /** Creates the exception with the underlying failure. */
  public PolicyException(String safeMessage, Throwable cause) {
    super(ProblemType.INTERNAL, safeMessage, cause);
  }
}
