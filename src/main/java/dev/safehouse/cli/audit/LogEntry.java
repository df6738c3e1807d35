package dev.safehouse.cli.audit;

/**
 * One audit log entry as served: its index and its exact bytes (RFC 8785 canonical JSON), whose
 * leaf hash is {@code SHA-256(0x00 ‖ bytes)}. Immutable; copies its input.
 *
 * @param index the entry's position in the log, from 0
 * @param bytes the entry's exact bytes
 */
public record LogEntry(long index, byte[] bytes) {
  /** Checks and copies. */
  public LogEntry {
    if (index < 0) {
      throw new IllegalArgumentException("an entry index is not negative");
    }
    bytes = bytes.clone();
  }

  /** Returns a copy of the bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
