package dev.safehouse.crypto;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.SafehouseException;

/**
 * A crypto suite name that is not one of Safehouse's. The message lists the known names and never
 * echoes the given one.
 */
public final class UnknownSuiteException extends SafehouseException {
  private static final long serialVersionUID = 1L;

  UnknownSuiteException() {
    super(ProblemType.INVALID_REQUEST, "unknown crypto suite; expected \"intl\" or \"sm\"");
  }
}
