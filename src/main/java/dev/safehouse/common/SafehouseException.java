package dev.safehouse.common;

import java.util.Objects;

/**
 * Base of every exception Safehouse raises on purpose.
 *
 * <h2>Security guarantees</h2>
 *
 * The message is always safe to log and to return to a caller: it never contains a record value, a
 * key, a token or a submitted value. Unsafe detail, where any, is kept only in the cause, which is
 * never returned to callers. Each exception carries the {@link ProblemType} it is reported as.
 */
public class SafehouseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ProblemType type;

  /**
   * Creates an exception of the given kind.
   *
   * @param type the kind, which fixes the HTTP status and problem type URI
   * @param safeMessage a message that is safe to return to any caller
   */
  public SafehouseException(ProblemType type, String safeMessage) {
    super(safeMessage);
    this.type = Objects.requireNonNull(type, "type");
  }

  /**
   * Creates an exception of the given kind with a cause that is kept for logs only.
   *
   * @param type the kind, which fixes the HTTP status and problem type URI
   * @param safeMessage a message that is safe to return to any caller
   * @param cause the underlying failure; never shown to callers
   */
  public SafehouseException(ProblemType type, String safeMessage, Throwable cause) {
    super(safeMessage, cause);
    this.type = Objects.requireNonNull(type, "type");
  }

  /** Returns the kind this exception is reported as. */
  public ProblemType type() {
    return type;
  }
}
