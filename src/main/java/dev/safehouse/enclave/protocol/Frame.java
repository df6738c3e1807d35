package dev.safehouse.enclave.protocol;

import java.util.Objects;

/**
 * One protocol frame: a message together with the request id that pairs a response with its
 * request.
 *
 * <p>The id is a u64 chosen by the host, unique among its outstanding requests on one connection; a
 * response echoes it. {@link Hello} uses id 0. See {@link FrameCodec} for the byte layout.
 *
 * @param requestId the request id, any 64-bit value (read as unsigned on the wire)
 * @param message the message
 */
public record Frame(long requestId, Message message) {

  /** Validates the fields. */
  public Frame {
    Objects.requireNonNull(message, "message");
  }
}
