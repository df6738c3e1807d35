package dev.safehouse.crypto;

import dev.safehouse.common.Sha256;
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
 * ciphertext}. The header is an {@link EnvelopeHeader}; the signature is the provider's Ed25519
 * signature over {@code "safehouse/envelope-header/v1" ‖ header}; the ciphertext is the CSV under
 * Tink streaming AEAD with the header's {@link EnvelopeHeader#binding() binding} as associated
 * data.
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #open} releases plaintext only when the header's signature verifies under the provider's
 * registered key, the data key is wrapped to this enclave, and the ciphertext's SHA-256 equals the
 * signed one; decryption then also authenticates every segment. Not guaranteed: freshness — an old
 * envelope of the same provider opens again; the host's version numbers order them.
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
   * are {@code enclave}, signed with {@code provider}.
   *
   * @return the header written
   */
  public static EnvelopeHeader write(
      InputStream csv, Path out, Description what, EnclavePublicKeys enclave, SigningKey provider)
      throws IOException {
    DataKey key = DataKey.generate();
    EnvelopeHeader draft =
        new EnvelopeHeader(
            what.datasetId(),
            what.versionLabel(),
            what.schemaHash(),
            what.rowCount(),
            enclave.hpkeFingerprint(),
            provider.verificationKey().keyId(),
            new WrappedDataKey(new byte[0]),
            "",
            0);
    WrappedDataKey wrapped = enclave.wrap(key, draft.binding());
    Path ciphertext = Files.createTempFile(out.toAbsolutePath().getParent(), ".envelope-", ".tmp");
    try {
      MessageDigest sha256 = Sha256.newDigest();
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(ciphertext));
          OutputStream enc =
              key.encryptingStream(new DigestOutputStream(file, sha256), draft.binding())) {
        csv.transferTo(enc);
      }
      EnvelopeHeader header =
          new EnvelopeHeader(
              draft.datasetId(),
              draft.versionLabel(),
              draft.schemaHash(),
              draft.rowCount(),
              draft.enclaveHpkeFingerprint(),
              draft.providerKeyId(),
              wrapped,
              HexFormat.of().formatHex(sha256.digest()),
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
  public static Opened open(byte[] envelope, VerificationKey providerKey, EnclaveKeys enclave) {
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
    if (!header.providerKeyId().equals(providerKey.keyId())) {
      throw new EnvelopeException("envelope is signed by a key not registered for this provider");
    }
    try {
      providerKey.verify(signature, concat(SIGNATURE_DOMAIN, encoded));
    } catch (CryptoFailureException e) {
      throw new EnvelopeException("envelope signature does not verify", e);
    }
    if (!header.enclaveHpkeFingerprint().equals(enclave.publicKeys().hpkeFingerprint())) {
      throw new EnvelopeException("envelope was encrypted for another enclave key");
    }
    MessageDigest sha256 = Sha256.newDigest();
    sha256.update(envelope, in.position(), in.remaining());
    byte[] expected;
    try {
      expected = HexFormat.of().parseHex(header.ciphertextSha256());
    } catch (IllegalArgumentException e) {
      throw new EnvelopeException("malformed envelope header");
    }
    if (!MessageDigest.isEqual(sha256.digest(), expected)) {
      throw new EnvelopeException("ciphertext does not match the signed digest");
    }
    DataKey key;
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
