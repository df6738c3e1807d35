package dev.safehouse.enclave.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * One chunk of a dataset version's encrypted envelope, sent in order; the chunk with {@code last}
 * set makes the enclave verify, decrypt, validate and load the whole envelope.
 *
 * <p>Payload: {@code str16 datasetId ‖ i64 version ‖ str16 providerId ‖ str16 providerKey ‖ i64
 * offset ‖ u8 last ‖ bytes32 data}, where {@code bytes32} is {@code u32 n ‖ n bytes}. The host
 * sends ciphertext only; {@code providerKey} is the provider's registered public verification key.
 *
 * @param datasetId the dataset
 * @param version the host's version number
 * @param providerId who uploaded it, as registered
 * @param providerKey the provider's public verification key, in its text encoding
 * @param offset where {@code data} starts in the envelope; 0 starts a new load
 * @param last whether this is the final chunk
 * @param data the chunk's bytes
 */
public record LoadRequest(
    String datasetId,
    long version,
    String providerId,
    String providerKey,
    long offset,
    boolean last,
    byte[] data)
    implements Request {

  /** Validates the fields and copies the data. */
  public LoadRequest {
    Objects.requireNonNull(datasetId, "datasetId");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(providerKey, "providerKey");
    if (version < 1 || offset < 0) {
      throw new IllegalArgumentException("version starts at 1 and offsets are not negative");
    }
    data = data.clone();
  }

  /** Returns a copy of the chunk's bytes. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LoadRequest that
        && datasetId.equals(that.datasetId)
        && version == that.version
        && providerId.equals(that.providerId)
        && providerKey.equals(that.providerKey)
        && offset == that.offset
        && last == that.last
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(datasetId, version, providerId, offset, last) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    // Never the data: it is ciphertext, but logs have no use for it.
    return "LoadRequest["
        + datasetId
        + " v"
        + version
        + " offset "
        + offset
        + " +"
        + data.length
        + (last ? " last]" : "]");
  }

  @Override
  public MessageType type() {
    return MessageType.LOAD_REQUEST;
  }
}
