package dev.safehouse.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The signed header of a dataset envelope: the crypto suite, what the data is, which schema it
 * follows, how many rows it has, the data key wrapped to the enclave, and the digest of the
 * ciphertext that follows.
 *
 * <p>Canonical encoding (big-endian): {@code str "safehouse/envelope/v2" ‖ str suite ‖ str
 * datasetId ‖ str versionLabel ‖ str schemaHash ‖ i64 rowCount ‖ str enclaveKeyFingerprint ‖ str
 * providerKeyId ‖ bytes wrappedKey ‖ str ciphertextDigest ‖ i64 createdAtMillis}, where {@code str}
 * is {@code u16 n ‖ n bytes UTF-8} and {@code bytes} is {@code u32 n ‖ n bytes}. A v1 header (the
 * same without the first two fields) is read as suite {@code intl}.
 *
 * @param suite the wire name of the {@link CryptoSuite} of every key, digest and ciphertext here
 * @param datasetId the dataset
 * @param versionLabel the provider's own label of this version (e.g. a date)
 * @param schemaHash the {@code DatasetSchema.schemaHash()} the rows were validated against
 * @param rowCount data rows in the CSV
 * @param enclaveKeyFingerprint the verified enclave wrapping key the data key is wrapped to ({@link
 *     WrappingKey#fingerprint()})
 * @param providerKeyId the id of the provider key that signs this header
 * @param wrappedKey the data key, wrapped to the enclave
 * @param ciphertextDigest hex of the suite's hash (SHA-256 or SM3) of the ciphertext following the
 *     header
 * @param createdAtMillis when the envelope was written
 */
public record EnvelopeHeader(
    String suite,
    String datasetId,
    String versionLabel,
    String schemaHash,
    long rowCount,
    String enclaveKeyFingerprint,
    String providerKeyId,
    WrappedDataKey wrappedKey,
    String ciphertextDigest,
    long createdAtMillis) {
  private static final String V2 = "safehouse/envelope/v2";

  /** Validates presence of every field. */
  public EnvelopeHeader {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(datasetId, "datasetId");
    Objects.requireNonNull(versionLabel, "versionLabel");
    Objects.requireNonNull(schemaHash, "schemaHash");
    Objects.requireNonNull(enclaveKeyFingerprint, "enclaveKeyFingerprint");
    Objects.requireNonNull(providerKeyId, "providerKeyId");
    Objects.requireNonNull(wrappedKey, "wrappedKey");
    Objects.requireNonNull(ciphertextDigest, "ciphertextDigest");
    if (rowCount < 0) {
      throw new IllegalArgumentException("row count is not negative");
    }
  }

  /**
   * Returns the associated data that binds the ciphertext and the wrapped key to this envelope's
   * identity: {@code "safehouse/envelope/v1|" datasetId "|" versionLabel "|" schemaHash}.
   */
  public byte[] binding() {
    return ("safehouse/envelope/v1|" + datasetId + "|" + versionLabel + "|" + schemaHash)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the canonical encoding, which the provider signs. */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(V2);
      out.writeUTF(suite);
      out.writeUTF(datasetId);
      out.writeUTF(versionLabel);
      out.writeUTF(schemaHash);
      out.writeLong(rowCount);
      out.writeUTF(enclaveKeyFingerprint);
      out.writeUTF(providerKeyId);
      byte[] wrapped = wrappedKey.bytes();
      out.writeInt(wrapped.length);
      out.write(wrapped);
      out.writeUTF(ciphertextDigest);
      out.writeLong(createdAtMillis);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory write failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a canonical encoding.
   *
   * @throws IOException if the bytes are malformed or have trailing data
   */
  public static EnvelopeHeader decode(byte[] encoded) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      String first = in.readUTF();
      boolean v2 = V2.equals(first);
      String suite = v2 ? in.readUTF() : CryptoSuite.INTL.wireName();
      String datasetId = v2 ? in.readUTF() : first;
      String versionLabel = in.readUTF();
      String schemaHash = in.readUTF();
      long rowCount = in.readLong();
      String fingerprint = in.readUTF();
      String providerKeyId = in.readUTF();
      int wrappedLength = in.readInt();
      if (wrappedLength < 0 || wrappedLength > 4096) {
        throw new IOException("malformed envelope header");
      }
      byte[] wrapped = in.readNBytes(wrappedLength);
      String digest = in.readUTF();
      long created = in.readLong();
      if (wrapped.length != wrappedLength || in.read() != -1) {
        throw new IOException("malformed envelope header");
      }
      return new EnvelopeHeader(
          suite,
          datasetId,
          versionLabel,
          schemaHash,
          rowCount,
          fingerprint,
          providerKeyId,
          new WrappedDataKey(wrapped),
          digest,
          created);
    } catch (IllegalArgumentException e) {
      throw new IOException("malformed envelope header");
    }
  }
}
