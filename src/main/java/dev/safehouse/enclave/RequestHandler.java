package dev.safehouse.enclave;

import dev.safehouse.enclave.protocol.Request;
import dev.safehouse.enclave.protocol.Response;

/**
 * Answers one kind of {@link Request} inside the enclave.
 *
 * <p>Contract: return a {@link Response} for every request — an {@code ErrorResponse} when the
 * request must be refused. A thrown exception is turned into an {@code INTERNAL} error response by
 * the {@link RequestDispatcher}, and only its class name is logged, so handlers need not worry that
 * an exception message carrying data ends up in the host's logs; they must still never log request
 * content themselves.
 *
 * @param <R> the request kind handled
 */
@FunctionalInterface
public interface RequestHandler<R extends Request> {

  /**
   * Handles one request.
   *
   * @param request the decoded request
   * @return the response to send under the request's id
   */
  Response handle(R request);
}
