package dev.safehouse.enclave.audit;

import dev.safehouse.enclave.RequestHandler;
import dev.safehouse.enclave.ingest.EnclaveContext;
import dev.safehouse.enclave.protocol.AuditResumeRequest;
import dev.safehouse.enclave.protocol.AuditResumeResponse;
import dev.safehouse.enclave.protocol.ErrorCode;
import dev.safehouse.enclave.protocol.ErrorResponse;
import dev.safehouse.enclave.protocol.Response;

/** Starts or resumes the enclave's audit log; see {@link EnclaveAuditLog#resume}. */
public final class AuditResumeHandler implements RequestHandler<AuditResumeRequest> {
  private final EnclaveContext context;
  private final EnclaveAuditLog log;

  /** Creates the handler over the enclave's log. */
  public AuditResumeHandler(EnclaveContext context, EnclaveAuditLog log) {
    this.context = context;
    this.log = log;
  }

  @Override
  public Response handle(AuditResumeRequest request) {
    if (context.keys().isEmpty()) {
      return new ErrorResponse(ErrorCode.UNEXPECTED_MESSAGE, "the enclave is not initialised");
    }
    try {
      return new AuditResumeResponse(
          log.resume(
              request.origin(),
              context.keys().get().signer(),
              request.checkpointNote(),
              request.frontier()));
    } catch (EnclaveAuditLog.RefusedException e) {
      return new ErrorResponse(ErrorCode.AUDIT_REFUSED, e.getMessage());
    }
  }
}
