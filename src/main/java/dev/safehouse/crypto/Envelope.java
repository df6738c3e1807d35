package dev.safehouse.crypto;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Writes and opens dataset envelopes: the file a provider uploads.
 *
 * <p>Layout: {@code "SHENV1" ‖ u32 headerLength ‖ header ‖ u32 signatureLength ‖ signature ‖
 * ciphertext}. The header is an {@link EnvelopeHeader} naming the {@link CryptoSuite}; the
 * signature is the provider's (Ed25519 or SM2) over {@code "safehouse/envelope-header/v1" ‖
 * header}; the ciphertext is the CSV under the suite's stream encryption (Tink AES-GCM-HKDF or
 * SM4-GCM segments) with the header's {@link EnvelopeHeader#binding() binding} as associated data.
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #open} releases plaintext only when the header's signature verifies under the provider's
 * registered key, the header names this enclave's suite, the data key is wrapped to this enclave,
 * and the ciphertext's digest equals the signed one; decryption then also authenticates every
 * segment. Suites do not mix: an envelope, provider key and enclave must all be of one suite. Not
 * guaranteed: freshness — an old envelope of the same provider opens again; the host's version
 * numbers order them.
 */
public final class Envelope {
  private static final byte[] MAGIC = "SHENV1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SIGNATURE_DOMAIN =
      "safehouse/envelope-header/v1".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_HEADER_BYTES = 64 * 1024;

  private Envelope() {}

  /** What the provider states about the CSV it encrypts. */
  public record Description(
      String datasetId, String versionLabel, String schemaHash, long rowCount) {}

  /**
   * Encrypts {@code csv} into an envelope at {@code out} for the enclave whose verified public keys
   * are {@code enclave}, signed with {@code provider}, in the enclave's suite.
   *
   * @return the header written
   * @throws IllegalArgumentException if the provider's key belongs to another suite than the
   *     enclave's
   */
  public static EnvelopeHeader write(
      InputStream csv, Path out, Description what, EnclavePublicKeys enclave, Signer provider)
      throws IOException {
    CryptoSuite suite = enclave.suite();
    if (provider.suite() != suite) {
      throw new IllegalArgumentException(
          "the provider key is of suite " + provider.suite() + ", the enclave's of " + suite);
    }
    DatasetKey key = suite.newDatasetKey();
    EnvelopeHeader draft =
        new EnvelopeHeader(
            suite.wireName(),
            what.datasetId(),
            what.versionLabel(),
            what.schemaHash(),
            what.rowCount(),
            enclave.wrappingKeyFingerprint(),
            provider.verifier().keyId(),
            new WrappedDataKey(new byte[0]),
            "",
            0);
    WrappedDataKey wrapped = enclave.wrap(key, draft.binding());
    Path ciphertext = Files.createTempFile(out.toAbsolutePath().getParent(), ".envelope-", ".tmp");
    try {
      MessageDigest digest = suite.newDigest();
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(ciphertext));
          OutputStream enc =
              key.encryptingStream(new DigestOutputStream(file, digest), draft.binding())) {
        csv.transferTo(enc);
      }
      EnvelopeHeader header =
          new EnvelopeHeader(
              draft.suite(),
              draft.datasetId(),
              draft.versionLabel(),
              draft.schemaHash(),
              draft.rowCount(),
              draft.enclaveKeyFingerprint(),
              draft.providerKeyId(),
              wrapped,
              HexFormat.of().formatHex(digest.digest()),
              System.currentTimeMillis());
      byte[] encoded = header.encode();
      byte[] signature = provider.sign(concat(SIGNATURE_DOMAIN, encoded));
      try (DataOutputStream file =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
        file.write(MAGIC);
        file.writeInt(encoded.length);
        file.write(encoded);
        file.writeInt(signature.length);
        file.write(signature);
        Files.copy(ciphertext, file);
      }
      return header;
    } finally {
      Files.deleteIfExists(ciphertext);
    }
  }

  /** An envelope whose header and ciphertext checked out; its plaintext is read as a stream. */
  public record Opened(EnvelopeHeader header, InputStream plaintext) {}

  /**
   * Checks {@code envelope} and opens its plaintext stream.
   *
   * @param providerKey the uploading provider's registered verification key
   * @param enclave this enclave's keys
   * @throws EnvelopeException saying which check failed
   */
  public static Opened open(byte[] envelope, Verifier providerKey, EnclaveKeys enclave) {
    ByteBuffer in = ByteBuffer.wrap(envelope);
    if (envelope.length < MAGIC.length + 8
        || !Arrays.equals(Arrays.copyOf(envelope, MAGIC.length), MAGIC)) {
      throw new EnvelopeException("not a Safehouse envelope");
    }
    in.position(MAGIC.length);
    byte[] encoded = lengthPrefixed(in, MAX_HEADER_BYTES);
    byte[] signature = lengthPrefixed(in, 1024);
    EnvelopeHeader header;
    try {
      header = EnvelopeHeader.decode(encoded);
    } catch (IOException e) {
      throw new EnvelopeException("malformed envelope header");
    }
    CryptoSuite suite = enclave.suite();
    if (!header.suite().equals(suite.wireName())) {
      throw new EnvelopeException("envelope uses another crypto suite than this enclave");
    }
    if (providerKey.suite() != suite) {
      throw new EnvelopeException("the provider's registered key is of another crypto suite");
    }
    if (!header.providerKeyId().equals(providerKey.keyId())) {
      throw new EnvelopeException("envelope is signed by a key not registered for this provider");
    }
    try {
      providerKey.verify(signature, concat(SIGNATURE_DOMAIN, encoded));
    } catch (CryptoFailureException e) {
      throw new EnvelopeException("envelope signature does not verify", e);
    }
    if (!header.enclaveKeyFingerprint().equals(enclave.publicKeys().wrappingKeyFingerprint())) {
      throw new EnvelopeException("envelope was encrypted for another enclave key");
    }
    MessageDigest digest = suite.newDigest();
    digest.update(envelope, in.position(), in.remaining());
    byte[] expected;
    try {
      expected = HexFormat.of().parseHex(header.ciphertextDigest());
    } catch (IllegalArgumentException e) {
      throw new EnvelopeException("malformed envelope header");
    }
    if (!MessageDigest.isEqual(digest.digest(), expected)) {
      throw new EnvelopeException("ciphertext does not match the signed digest");
    }
    DatasetKey key;
    try {
      key = enclave.unwrap(header.wrappedKey(), header.binding());
    } catch (CryptoFailureException e) {
      throw new EnvelopeException("the data key cannot be unwrapped", e);
    }
    try {
      InputStream ciphertext = new ByteArrayInputStream(envelope, in.position(), in.remaining());
      return new Opened(header, key.decryptingStream(ciphertext, header.binding()));
    } catch (IOException e) {
      throw new EnvelopeException("decryption failed", e);
    }
  }

  private static byte[] lengthPrefixed(ByteBuffer in, int max) {
    if (in.remaining() < 4) {
      throw new EnvelopeException("envelope is truncated");
    }
    int length = in.getInt();
    if (length < 0 || length > max || in.remaining() < length) {
      throw new EnvelopeException("envelope is truncated or malformed");
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
