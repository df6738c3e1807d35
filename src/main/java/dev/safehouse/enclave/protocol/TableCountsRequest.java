package dev.safehouse.enclave.protocol;

/** Asks how many rows each loaded table holds. Empty payload. */
public record TableCountsRequest() implements Request {

  @Override
  public MessageType type() {
    return MessageType.TABLE_COUNTS_REQUEST;
  }
}
