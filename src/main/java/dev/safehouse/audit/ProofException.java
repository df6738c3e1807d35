package dev.safehouse.audit;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.SafehouseException;

/**
 * A Merkle proof, or a request for one, is not valid. Unchecked, like every Safehouse exception,
 * and reported as an invalid request.
 *
 * <p>The message says in plain words which check failed ("index 7 is not below tree size 5",
 * "computed root differs from the expected root"); it holds only sizes, indices and counts, never
 * hash values or leaf data, so it is safe to log and to return to the caller.
 */
public final class ProofException extends SafehouseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param safeMessage which check failed, holding only sizes, indices and counts
   */
  public ProofException(String safeMessage) {
    super(ProblemType.INVALID_REQUEST, safeMessage);
  }
}
