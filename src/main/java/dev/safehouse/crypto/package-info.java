/**
 * The only package that may import Tink, BouncyCastle or {@code javax.crypto}: streaming data keys,
 * HPKE wrapping to the enclave, the enclave's sealed keys under a KMS master key, Ed25519 signing
 * and verification keys, dataset envelopes, the enclave measurement and attestation documents.
 * Every {@code GeneralSecurityException} is converted here into one uniform failure.
 *
 * <p>Plain Java: the enclave process, the host and the provider CLI all use it. It depends on
 * {@code common} only; callers pass typed objects, never raw key bytes. {@link
 * dev.safehouse.crypto.CryptoSuite} names the two suites ({@code intl}: Tink; {@code sm}: SM2 / SM3
 * / SM4 in {@code dev.safehouse.crypto.sm}) by purpose; the service does not choose between them
 * yet.
 */
package dev.safehouse.crypto;
