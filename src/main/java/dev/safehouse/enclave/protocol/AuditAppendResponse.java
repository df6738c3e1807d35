package dev.safehouse.enclave.protocol;

import java.util.Objects;

/**
 * The checkpoint the enclave signed after appending.
 *
 * <p>Payload: {@code i64 treeSize ‖ str16 checkpointNote}.
 *
 * @param treeSize the log size after the append
 * @param checkpointNote the signed checkpoint for that size
 */
public record AuditAppendResponse(long treeSize, String checkpointNote) implements Response {
  /** Validates presence. */
  public AuditAppendResponse {
    Objects.requireNonNull(checkpointNote, "checkpointNote");
  }

  @Override
  public MessageType type() {
    return MessageType.AUDIT_APPEND_RESPONSE;
  }
}
