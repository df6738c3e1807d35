package dev.safehouse.enclave;

import dev.safehouse.enclave.protocol.ErrorCode;
import dev.safehouse.enclave.protocol.ErrorResponse;
import dev.safehouse.enclave.protocol.Frame;
import dev.safehouse.enclave.protocol.FrameChannel;
import dev.safehouse.enclave.protocol.ProtocolException;
import dev.safehouse.enclave.protocol.Request;
import dev.safehouse.enclave.protocol.Response;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The enclave's serve loop on one connection: read a frame, answer it, repeat until the host closes
 * the socket. Requests are answered one at a time, in arrival order.
 */
final class EnclaveSession {

  /** How a session ended. */
  enum Outcome {
    /** The host closed the socket between frames. */
    HOST_CLOSED,
    /** The stream could not be read any further (oversize or truncated frame). */
    PROTOCOL_FAILURE
  }

  private final FrameChannel frames;
  private final RequestDispatcher dispatcher;
  private final AtomicLong requestsServed;

  EnclaveSession(FrameChannel frames, RequestDispatcher dispatcher, AtomicLong requestsServed) {
    this.frames = frames;
    this.dispatcher = dispatcher;
    this.requestsServed = requestsServed;
  }

  /**
   * Serves until the host closes the socket or the stream breaks.
   *
   * @throws IOException if reading or writing the socket fails
   */
  Outcome serve() throws IOException {
    while (true) {
      Optional<Frame> next;
      try {
        next = frames.read();
      } catch (ProtocolException e) {
        OperationalLog.warn("rejected a frame: " + e.code() + ": " + e.getMessage());
        answerQuietly(new Frame(e.requestId().orElse(0), ErrorResponse.of(e)));
        if (e.frameConsumed()) {
          continue;
        }
        return Outcome.PROTOCOL_FAILURE;
      }
      if (next.isEmpty()) {
        return Outcome.HOST_CLOSED;
      }
      Frame frame = next.get();
      frames.write(new Frame(frame.requestId(), answer(frame)));
    }
  }

  private Response answer(Frame frame) {
    if (frame.message() instanceof Request request) {
      requestsServed.incrementAndGet();
      return dispatcher.dispatch(request);
    }
    OperationalLog.warn("rejected a " + frame.message().type() + " sent to the enclave");
    return new ErrorResponse(ErrorCode.UNEXPECTED_MESSAGE, "only requests may be sent to it");
  }

  private void answerQuietly(Frame frame) {
    try {
      frames.write(frame);
    } catch (IOException e) {
      // The host may already be gone (truncated frame); the loop's caller handles that.
      OperationalLog.warn("could not send an error response: " + e.getClass().getSimpleName());
    }
  }
}
