package dev.safehouse.crypto;

/**
 * A public verification key, with a stable text form that stewards register and verifiers pin.
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #verify} accepts only signatures made by the matching {@link Signer} over exactly the
 * given bytes; anything else — including a signature of the other suite — fails with the uniform
 * {@link CryptoFailureException}. Equal {@link #keyId()}s mean equal keys within one suite.
 */
public sealed interface Verifier permits IntlSuite.Verifying, SmSuite.Verifying {
  /** Returns the suite this key belongs to. */
  CryptoSuite suite();

  /**
   * Checks {@code signature} over {@code message}.
   *
   * @throws CryptoFailureException if it does not verify
   */
  void verify(byte[] signature, byte[] message);

  /** Returns the text form, which {@link CryptoSuite#verifierFromText} reads back. */
  String toText();

  /** Returns the key id: lower-case hex of the suite's hash of the text form. */
  String keyId();
}
