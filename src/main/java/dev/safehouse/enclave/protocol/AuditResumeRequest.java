package dev.safehouse.enclave.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Tells the enclave where the audit log stands, so it can go on signing checkpoints for it: the
 * latest checkpoint the enclave signed earlier (empty for a new log) and the roots of the perfect
 * subtrees that make up that tree (largest first). The enclave accepts them only if the note
 * carries its own signature and the subtrees fold to the note's root.
 *
 * <p>Payload: {@code str16 origin ‖ str16 checkpointNote ‖ u16 n ‖ n × bytes32 subtreeRoot}.
 *
 * @param origin the log's origin line, also the signature key name
 * @param checkpointNote the latest signed checkpoint, or empty for an empty log
 * @param frontier the 32-byte roots of the checkpoint tree's perfect subtrees, largest first
 */
public record AuditResumeRequest(String origin, String checkpointNote, List<byte[]> frontier)
    implements Request {
  /** Copies the frontier. */
  public AuditResumeRequest {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(checkpointNote, "checkpointNote");
    frontier = List.copyOf(frontier);
  }

  @Override
  public MessageType type() {
    return MessageType.AUDIT_RESUME_REQUEST;
  }

  /** Compares the byte arrays by content. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof AuditResumeRequest that)
        || !(origin.equals(that.origin) && checkpointNote.equals(that.checkpointNote))) {
      return false;
    }
    if (frontier.size() != that.frontier.size()) {
      return false;
    }
    for (int i = 0; i < frontier.size(); i++) {
      if (!Arrays.equals(frontier.get(i), that.frontier.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = Objects.hash(origin, checkpointNote);
    for (byte[] item : frontier) {
      hash = 31 * hash + Arrays.hashCode(item);
    }
    return hash;
  }

  @Override
  public String toString() {
    return "AuditResumeRequest[" + frontier.size() + " frontier]";
  }
}
