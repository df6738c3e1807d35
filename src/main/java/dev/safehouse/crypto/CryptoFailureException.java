package dev.safehouse.crypto;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.SafehouseException;

/**
 * The one failure every decryption, unwrapping, unsealing and signature check raises, whatever went
 * wrong (wrong key, tampering, truncation, malformed input), so that callers and attackers learn
 * nothing from which check failed. The message names the operation only.
 */
public final class CryptoFailureException extends SafehouseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure of {@code operation}; the message is {@code operation + " failed"}, so name
   * the operation only, never the check that failed or any secret.
   */
  public CryptoFailureException(String operation, Throwable cause) {
    super(ProblemType.INVALID_REQUEST, operation + " failed", cause);
  }

  /** Returns the uniform failure of a decryption. */
  public static CryptoFailureException decryption(Throwable cause) {
    return new CryptoFailureException("decryption", cause);
  }

  /** Returns the uniform failure of a signature check. */
  public static CryptoFailureException signature(Throwable cause) {
    return new CryptoFailureException("signature verification", cause);
  }
}
