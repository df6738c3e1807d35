package dev.safehouse.enclave.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * The enclave's keys after {@link InitRequest}: sealed (for the host to store when {@code
 * generated}) and public.
 *
 * <p>Payload: {@code bytes32 sealedHpke ‖ bytes32 sealedSigning ‖ bytes32 hpkePublicKeyset ‖ str16
 * signingKey ‖ u8 generated ‖ str16 policyHash}.
 *
 * @param sealedHpke the sealed HPKE private keyset
 * @param sealedSigning the sealed signing keyset
 * @param hpkePublicKeyset the HPKE public keyset
 * @param signingKey the enclave's verification key, text form
 * @param generated whether the keys were generated now (the host must store the sealed blobs)
 * @param policyHash SHA-256 hex of the policy bundle the enclave loaded
 */
public record InitResponse(
    byte[] sealedHpke,
    byte[] sealedSigning,
    byte[] hpkePublicKeyset,
    String signingKey,
    boolean generated,
    String policyHash)
    implements Response {

  /** Validates and copies. */
  public InitResponse {
    sealedHpke = sealedHpke.clone();
    sealedSigning = sealedSigning.clone();
    hpkePublicKeyset = hpkePublicKeyset.clone();
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(policyHash, "policyHash");
  }

  @Override
  public byte[] sealedHpke() {
    return sealedHpke.clone();
  }

  @Override
  public byte[] sealedSigning() {
    return sealedSigning.clone();
  }

  @Override
  public byte[] hpkePublicKeyset() {
    return hpkePublicKeyset.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InitResponse that
        && Arrays.equals(sealedHpke, that.sealedHpke)
        && Arrays.equals(sealedSigning, that.sealedSigning)
        && Arrays.equals(hpkePublicKeyset, that.hpkePublicKeyset)
        && signingKey.equals(that.signingKey)
        && generated == that.generated
        && policyHash.equals(that.policyHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(signingKey, generated, policyHash) * 31 + Arrays.hashCode(hpkePublicKeyset);
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
