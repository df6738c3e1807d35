package dev.safehouse.enclave.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * The enclave's keys after {@link InitRequest}: sealed (for the host to store when {@code
 * generated}) and public.
 *
 * <p>Payload: {@code bytes32 sealedWrapping ‖ bytes32 sealedSigning ‖ bytes32 wrappingKey ‖ str16
 * signingKey ‖ u8 generated ‖ str16 policyHash}.
 *
 * @param sealedWrapping the sealed HPKE private keyset
 * @param sealedSigning the sealed signing keyset
 * @param wrappingKey the HPKE public keyset
 * @param signingKey the enclave's verification key, text form
 * @param generated whether the keys were generated now (the host must store the sealed blobs)
 * @param policyHash SHA-256 hex of the policy bundle the enclave loaded
 */
public record InitResponse(
    byte[] sealedWrapping,
    byte[] sealedSigning,
    byte[] wrappingKey,
    String signingKey,
    boolean generated,
    String policyHash)
    implements Response {

  /** Validates and copies. */
  public InitResponse {
    sealedWrapping = sealedWrapping.clone();
    sealedSigning = sealedSigning.clone();
    wrappingKey = wrappingKey.clone();
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(policyHash, "policyHash");
  }

  @Override
  public byte[] sealedWrapping() {
    return sealedWrapping.clone();
  }

  @Override
  public byte[] sealedSigning() {
    return sealedSigning.clone();
  }

  @Override
  public byte[] wrappingKey() {
    return wrappingKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InitResponse that
        && Arrays.equals(sealedWrapping, that.sealedWrapping)
        && Arrays.equals(sealedSigning, that.sealedSigning)
        && Arrays.equals(wrappingKey, that.wrappingKey)
        && signingKey.equals(that.signingKey)
        && generated == that.generated
        && policyHash.equals(that.policyHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(signingKey, generated, policyHash) * 31 + Arrays.hashCode(wrappingKey);
  }

  @Override
  public String toString() {
    return "InitResponse[generated=" + generated + ", policyHash=" + policyHash + "]";
  }

  @Override
  public MessageType type() {
    return MessageType.INIT_RESPONSE;
  }
}
