package dev.safehouse.enclave.protocol;

import java.util.Objects;

/**
 * A signed attestation document.
 *
 * <p>Payload: {@code str16 documentBase64 ‖ str16 signatureBase64}.
 *
 * @param documentBase64 base64 of the document's canonical encoding
 * @param signatureBase64 base64 of the platform's signature over it
 */
public record AttestResponse(String documentBase64, String signatureBase64) implements Response {
  /** Validates presence. */
  public AttestResponse {
    Objects.requireNonNull(documentBase64, "documentBase64");
    Objects.requireNonNull(signatureBase64, "signatureBase64");
  }

  @Override
  public MessageType type() {
    return MessageType.ATTEST_RESPONSE;
  }
}
