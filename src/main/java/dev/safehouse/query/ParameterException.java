package dev.safehouse.query;

/**
 * A parameter value is missing, unexpected or of the wrong type. The message names the parameter (a
 * validated identifier) and what was expected, never the value, so it is safe to return and log.
 */
public final class ParameterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a safe message. */
  public ParameterException(String message) {
    super(message);
  }
}
