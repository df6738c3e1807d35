/**
 * The Chinese national algorithms of the {@code sm} suite, computed by BouncyCastle: SM3 ({@link
 * dev.safehouse.crypto.sm.Sm3}), SM4-GCM and the chunked SM4-GCM data-key stream ({@link
 * dev.safehouse.crypto.sm.Sm4GcmDataKey}), SM2 signatures ({@link
 * dev.safehouse.crypto.sm.Sm2SigningKey}, {@link dev.safehouse.crypto.sm.Sm2VerificationKey}) and
 * SM2 encryption in the C1C3C2 order for wrapping data keys ({@link
 * dev.safehouse.crypto.sm.Sm2EncryptionKey}, {@link dev.safehouse.crypto.sm.Sm2DecryptionKey}).
 * Every failure is the uniform {@link dev.safehouse.crypto.CryptoFailureException}.
 *
 * <p>Part of {@code crypto}: plain Java, depends on {@code crypto} and BouncyCastle only. Other
 * packages reach it through {@link dev.safehouse.crypto.CryptoSuite}; only {@code audit}'s SM3 tree
 * hasher uses {@link dev.safehouse.crypto.sm.Sm3} directly. See {@code docs/national-crypto.md}.
 */
package dev.safehouse.crypto.sm;
