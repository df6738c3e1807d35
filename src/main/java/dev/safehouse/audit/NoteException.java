package dev.safehouse.audit;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.SafehouseException;

/**
 * A signed note or checkpoint is malformed or does not verify. Unchecked; reported as an invalid
 * request. The message says which rule was broken and names at most a key name, a count or a line
 * number, never note content or key material.
 */
public final class NoteException extends SafehouseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param safeMessage which rule was broken
   */
  public NoteException(String safeMessage) {
    super(ProblemType.INVALID_REQUEST, safeMessage);
  }

  NoteException(String safeMessage, Throwable cause) {
    super(ProblemType.INVALID_REQUEST, safeMessage, cause);
  }
}
