package dev.safehouse.crypto;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.SafehouseException;

/**
 * Why an envelope was refused, in words safe to show the provider: which check failed, never any
 * content. Cryptographic failures stay uniform within their check (a bad signature says nothing
 * about how it is bad).
 */
public final class EnvelopeException extends SafehouseException {
  private static final long serialVersionUID = 1L;

  EnvelopeException(String safeMessage) {
    super(ProblemType.INVALID_REQUEST, safeMessage);
  }

  EnvelopeException(String safeMessage, Throwable cause) {
    super(ProblemType.INVALID_REQUEST, safeMessage, cause);
  }
}
