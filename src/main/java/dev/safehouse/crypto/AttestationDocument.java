package dev.safehouse.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * What an enclave states about itself, for a verifier's nonce: its crypto suite, its measurement
 * (code and policy bundle), its public keys, the time, and whether it runs in a debug / development
 * mode.
 *
 * <p>Canonical encoding (signed by the platform): {@code str "safehouse/attestation/v2" ‖ str suite
 * ‖ str measurement ‖ str policyHash ‖ bytes wrappingKey ‖ str signingKey ‖ str nonceHex ‖ i64
 * issuedAtMillis ‖ u8 debug}, where {@code str} is {@code u16 n ‖ UTF-8} and {@code bytes} is
 * {@code u32 n ‖ n bytes}. Documents are made fresh for each nonce, so v1 (without the suite) is
 * not read any more.
 *
 * @param suite the wire name of the enclave's {@link CryptoSuite}; every key below, the
 *     measurement's hash and the platform's signature are of this suite
 * @param measurement hex of the suite's hash over the enclave's code and policy bundle
 * @param policyHash hex SHA-256 of the policy bundle alone
 * @param wrappingKey the enclave's wrapping key ({@link WrappingKey#toBytes()})
 * @param signingKey the enclave's verification key, text form
 * @param nonceHex the verifier's nonce, echoed
 * @param issuedAtMillis when the document was made
 * @param debug whether the enclave runs in a debug or development mode (dev platform key)
 */
public record AttestationDocument(
    String suite,
    String measurement,
    String policyHash,
    byte[] wrappingKey,
    String signingKey,
    String nonceHex,
    long issuedAtMillis,
    boolean debug) {
  private static final String DOMAIN = "safehouse/attestation/v2";

  /** Validates and copies. */
  public AttestationDocument {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(measurement, "measurement");
    Objects.requireNonNull(policyHash, "policyHash");
    wrappingKey = wrappingKey.clone();
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(nonceHex, "nonceHex");
  }

  /** Returns a copy of the wrapping key's encoding. */
  @Override
  public byte[] wrappingKey() {
    return wrappingKey.clone();
  }

  /** Returns the canonical encoding. */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(DOMAIN);
      out.writeUTF(suite);
      out.writeUTF(measurement);
      out.writeUTF(policyHash);
      out.writeInt(wrappingKey.length);
      out.write(wrappingKey);
      out.writeUTF(signingKey);
      out.writeUTF(nonceHex);
      out.writeLong(issuedAtMillis);
      out.writeBoolean(debug);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory write failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a canonical encoding.
   *
   * @throws IOException if it is malformed
   */
  public static AttestationDocument decode(byte[] encoded) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      if (!DOMAIN.equals(in.readUTF())) {
        throw new IOException("not an attestation document");
      }
      String suite = in.readUTF();
      String measurement = in.readUTF();
      String policyHash = in.readUTF();
      int length = in.readInt();
      if (length < 0 || length > 4096) {
        throw new IOException("malformed attestation document");
      }
      byte[] wrapping = in.readNBytes(length);
      AttestationDocument document =
          new AttestationDocument(
              suite,
              measurement,
              policyHash,
              wrapping,
              in.readUTF(),
              in.readUTF(),
              in.readLong(),
              in.readBoolean());
      if (wrapping.length != length || in.read() != -1) {
        throw new IOException("malformed attestation document");
      }
      return document;
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AttestationDocument that && Arrays.equals(encode(), that.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }
}
