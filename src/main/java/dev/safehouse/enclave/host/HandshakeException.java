package dev.safehouse.enclave.host;

/** A child failed to connect or to authenticate; the message is safe to log and record. */
final class HandshakeException extends Exception {
  private static final long serialVersionUID = 1L;

  HandshakeException(String safeMessage) {
    super(safeMessage);
  }
}
