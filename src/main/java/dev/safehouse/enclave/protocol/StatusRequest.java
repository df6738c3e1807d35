package dev.safehouse.enclave.protocol;

/**
 * Asks the enclave for its {@link StatusResponse}. Empty payload; carries no data of any caller.
 */
public record StatusRequest() implements Request {

  @Override
  public MessageType type() {
    return MessageType.STATUS_REQUEST;
  }
}
