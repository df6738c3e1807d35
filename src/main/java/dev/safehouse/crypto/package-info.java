/**
 * The only package that may import Tink, BouncyCastle or {@code javax.crypto}: dataset ciphers,
 * enclave HPKE and signing keys, sealing under the master key, and the SM2/SM3/SM4 suite. Every
 * {@code GeneralSecurityException} is converted here into one uniform failure.
 *
 * <p>Plain Java. Empty until the enclave-keys issue; the enclave, the CLI and {@code audit} will
 * depend on it, and it depends only on {@code common}.
 */
package dev.safehouse.crypto;
