package dev.safehouse.enclave.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Asks the enclave to append audit entries to its log and sign the resulting checkpoint. The
 * enclave hashes the entries itself and refuses unless {@code treeSize} is the size it stands at.
 *
 * <p>Payload: {@code i64 treeSize ‖ u16 n ‖ n × bytes32 entry}.
 *
 * @param treeSize the log size the entries follow
 * @param entries the entries' exact bytes, in log order
 */
public record AuditAppendRequest(long treeSize, List<byte[]> entries) implements Request {
  /** Copies the entries. */
  public AuditAppendRequest {
    Objects.requireNonNull(entries, "entries");
    entries = List.copyOf(entries);
  }

  @Override
  public MessageType type() {
    return MessageType.AUDIT_APPEND_REQUEST;
  }

  /** Compares the byte arrays by content. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof AuditAppendRequest that) || !(treeSize == that.treeSize)) {
      return false;
    }
    if (entries.size() != that.entries.size()) {
      return false;
    }
    for (int i = 0; i < entries.size(); i++) {
      if (!Arrays.equals(entries.get(i), that.entries.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = Long.hashCode(treeSize);
    for (byte[] item : entries) {
      hash = 31 * hash + Arrays.hashCode(item);
    }
    return hash;
  }

  @Override
  public String toString() {
    return "AuditAppendRequest[" + entries.size() + " entries]";
  }
}
