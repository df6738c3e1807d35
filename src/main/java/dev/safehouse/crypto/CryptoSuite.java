package dev.safehouse.crypto;

import java.security.MessageDigest;

/**
 * The set of algorithms one deployment uses, named by what each protects rather than by algorithm:
 * hashing for the Merkle log and measurements, dataset stream encryption, wrapping data keys to the
 * enclave, and signatures (providers' envelope headers, enclave results, attestation documents,
 * checkpoints). Two suites exist:
 *
 * <ul>
 *   <li>{@link #INTL} ({@code "intl"}): SHA-256; Tink {@code AES256_GCM_HKDF_1MB}; HPKE
 *       X25519/HKDF-SHA256/AES-256-GCM; Ed25519 — the existing classes ({@link DataKey}, {@link
 *       EnclaveKeys}, {@link SigningKey}) behind adapters.
 *   <li>{@link #SM} ({@code "sm"}): SM3; SM4-GCM segments keyed by HKDF-SM3; SM2 encryption in the
 *       C1C3C2 order; SM2 signatures with SM3 and user id {@code 1234567812345678} — the classes of
 *       {@code dev.safehouse.crypto.sm}. See {@code docs/national-crypto.md}.
 * </ul>
 *
 * <h2>Security guarantees</h2>
 *
 * Each suite gives the same guarantees as the interfaces it returns state ({@link DatasetKey},
 * {@link WrappingKey}, {@link UnwrappingKey}, {@link Signer}, {@link Verifier}). Suites do not mix:
 * every key knows its {@link #suite}, a key of one suite is refused by operations of the other
 * ({@link IllegalArgumentException}), and a signature or ciphertext of one suite fails the other's
 * checks with the uniform {@link CryptoFailureException}. Not guaranteed: that a document names the
 * suite its reader expects — readers compare {@link #wireName()} with their own before verifying.
 */
public sealed interface CryptoSuite permits IntlSuite, SmSuite {
  /** The international suite (Tink): the default. */
  CryptoSuite INTL = new IntlSuite();

  /** The Chinese national suite (SM2 / SM3 / SM4, BouncyCastle). */
  CryptoSuite SM = new SmSuite();

  /**
   * Returns the suite's stable name as envelopes, checkpoints, receipts and attestation documents
   * carry it: {@code "intl"} or {@code "sm"}. It never changes for an existing suite.
   */
  String wireName();

  /**
   * Returns the name of the suite's 32-byte hash, as the audit log's {@code MerkleHasher} names it:
   * {@code "sha256"} or {@code "sm3"}.
   */
  String hashName();

  /**
   * Returns a fresh digest of the suite's 32-byte hash, for the Merkle log (RFC 6962 prefixes are
   * the caller's) and measurements. Not thread-safe.
   */
  MessageDigest newDigest();

  /** Generates a fresh key for one dataset version's stream. */
  DatasetKey newDatasetKey();

  /** Generates the enclave's key pair for unwrapping data keys. */
  UnwrappingKey newUnwrappingKey();

  /** Generates a fresh signing key. */
  Signer newSigner();

  /**
   * Reads a verification key from its text form ({@link Verifier#toText()}); {@code sm} also reads
   * a {@code PUBLIC KEY} PEM.
   *
   * @throws CryptoFailureException if the text is not a public key of this suite
   */
  Verifier verifierFromText(String text);

  /**
   * Reads an enclave's wrapping key from its encoding ({@link WrappingKey#toBytes()}).
   *
   * @throws CryptoFailureException if the bytes are not a wrapping key of this suite
   */
  WrappingKey wrappingKeyFromBytes(byte[] encoded);

  /**
   * Reads a private signing key from a key file's text ({@link Signer#toInsecureText()}).
   *
   * @throws CryptoFailureException if the text is not a private key of this suite
   */
  Signer signerFromInsecureText(String text);

  /**
   * Returns the suite a key's text belongs to: {@code sm} for a PEM block or base64 of DER (an
   * X.509 or PKCS#8 key starts with a SEQUENCE, 0x30, so its base64 with "M"), {@code intl}
   * otherwise (Tink JSON, or base64 of a Tink keyset, which starts with 0x08). Only a guess for
   * choosing a reader; the reader still checks the key.
   */
  static CryptoSuite ofKeyText(String text) {
    String key = text.strip();
    if (key.startsWith("-----BEGIN ")) {
      return SM;
    }
    // Base64 of a DER SEQUENCE (0x30) starts with "M" whatever its length: "MFkw" for an SM2
    // public key (0x30 0x59), "MI" for a long-form length; a Tink keyset (0x08) starts with "C".
    return key.startsWith("M") ? SM : INTL;
  }

  /**
   * Returns the suite named {@code wireName}.
   *
   * @throws UnknownSuiteException if it is neither {@code "intl"} nor {@code "sm"} (names are
   *     case-sensitive)
   */
  static CryptoSuite fromWireName(String wireName) {
    if (INTL.wireName().equals(wireName)) {
      return INTL;
    }
    if (SM.wireName().equals(wireName)) {
      return SM;
    }
    throw new UnknownSuiteException();
  }
}
