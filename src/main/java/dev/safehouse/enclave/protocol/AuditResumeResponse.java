package dev.safehouse.enclave.protocol;

/**
 * The tree size the enclave's audit log now stands at.
 *
 * <p>Payload: {@code i64 treeSize}.
 *
 * @param treeSize leaves in the log
 */
public record AuditResumeResponse(long treeSize) implements Response {
  @Override
  public MessageType type() {
    return MessageType.AUDIT_RESUME_RESPONSE;
  }
}
