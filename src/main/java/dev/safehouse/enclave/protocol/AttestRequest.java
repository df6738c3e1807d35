package dev.safehouse.enclave.protocol;

import java.util.Objects;

/**
 * Asks the enclave for an attestation document bound to a verifier's nonce.
 *
 * <p>Payload: {@code str16 nonceHex}.
 *
 * @param nonceHex the verifier's nonce, lower-case hex
 */
public record AttestRequest(String nonceHex) implements Request {
  /** Validates the nonce's presence. */
  public AttestRequest {
    Objects.requireNonNull(nonceHex, "nonceHex");
  }

  @Override
  public MessageType type() {
    return MessageType.ATTEST_REQUEST;
  }
}
