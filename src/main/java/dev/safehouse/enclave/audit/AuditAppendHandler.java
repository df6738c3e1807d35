package dev.safehouse.enclave.audit;

import dev.safehouse.enclave.RequestHandler;
import dev.safehouse.enclave.ingest.EnclaveContext;
import dev.safehouse.enclave.protocol.AuditAppendRequest;
import dev.safehouse.enclave.protocol.AuditAppendResponse;
import dev.safehouse.enclave.protocol.ErrorCode;
import dev.safehouse.enclave.protocol.ErrorResponse;
import dev.safehouse.enclave.protocol.Response;

/** Appends entries to the enclave's audit log and signs the new checkpoint. */
public final class AuditAppendHandler implements RequestHandler<AuditAppendRequest> {
  private final EnclaveContext context;
  private final EnclaveAuditLog log;

  /** Creates the handler over the enclave's log. */
  public AuditAppendHandler(EnclaveContext context, EnclaveAuditLog log) {
    this.context = context;
    this.log = log;
  }

  @Override
  public Response handle(AuditAppendRequest request) {
    if (context.keys().isEmpty()) {
      return new ErrorResponse(ErrorCode.UNEXPECTED_MESSAGE, "the enclave is not initialised");
    }
    try {
      String note =
          log.append(request.treeSize(), request.entries(), context.keys().get().signer());
      return new AuditAppendResponse(log.size(), note);
    } catch (EnclaveAuditLog.RefusedException e) {
      return new ErrorResponse(ErrorCode.AUDIT_REFUSED, e.getMessage());
    }
  }
}
