package dev.safehouse.cli.audit;

/**
 * Tamper evidence: a check of the audit log failed (a signature, a proof, a receipt, the monitor's
 * history). The command exits with status 1.
 *
 * <p>The message names the failing step and holds only sizes, indices, key names and the steps' own
 * safe messages; never a token, key material or an entry's content.
 */
public final class VerificationFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param safeMessage which step failed and why, safe to print
   */
  public VerificationFailure(String safeMessage) {
    super(safeMessage);
  }
}
