package dev.safehouse.enclave.ingest;

import dev.safehouse.crypto.AttestationDocument;
import dev.safehouse.crypto.AttestationVerifier;
import dev.safehouse.crypto.EnclavePublicKeys;
import dev.safehouse.enclave.RequestHandler;
import dev.safehouse.enclave.protocol.AttestRequest;
import dev.safehouse.enclave.protocol.AttestResponse;
import dev.safehouse.enclave.protocol.ErrorCode;
import dev.safehouse.enclave.protocol.ErrorResponse;
import dev.safehouse.enclave.protocol.Response;
import java.util.regex.Pattern;

/**
 * Issues an attestation document for a verifier's nonce: the enclave's measurement, policy hash and
 * public keys, signed by the platform key. With the development platform key the document says
 * {@code debug = true}; on confidential hardware the hardware's own attestation replaces this.
 */
public final class AttestHandler implements RequestHandler<AttestRequest> {
  private static final Pattern NONCE = Pattern.compile("[0-9a-f]{32,128}");

  private final EnclaveContext context;

  /** Creates the handler. */
  public AttestHandler(EnclaveContext context) {
    this.context = context;
  }

  @Override
  public Response handle(AttestRequest request) {
    if (context.keys().isEmpty() || context.measurement().isEmpty()) {
      return new ErrorResponse(ErrorCode.UNEXPECTED_MESSAGE, "the enclave is not initialised");
    }
    if (context.platformKey().isEmpty()) {
      return new ErrorResponse(
          ErrorCode.UNEXPECTED_MESSAGE, "no platform attestation key is configured");
    }
    if (!NONCE.matcher(request.nonceHex()).matches()) {
      return new ErrorResponse(
          ErrorCode.MALFORMED_FRAME, "the nonce must be 16 to 64 bytes of lower-case hex");
    }
    EnclavePublicKeys keys = context.keys().get().publicKeys();
    AttestationDocument document =
        new AttestationDocument(
            keys.suite().wireName(),
            context.measurement().get().value(),
            context.policyHash(),
            keys.wrappingKeyBytes(),
            keys.signingKey().toText(),
            request.nonceHex(),
            System.currentTimeMillis(),
            true);
    AttestationVerifier.Signed signed =
        AttestationVerifier.Signed.sign(document, context.platformKey().get());
    return new AttestResponse(signed.documentBase64(), signed.signatureBase64());
  }
}
