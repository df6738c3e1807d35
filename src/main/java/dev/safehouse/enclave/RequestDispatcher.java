package dev.safehouse.enclave;

import dev.safehouse.enclave.protocol.ErrorCode;
import dev.safehouse.enclave.protocol.ErrorResponse;
import dev.safehouse.enclave.protocol.Request;
import dev.safehouse.enclave.protocol.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Routes each request to the {@link RequestHandler} registered for its class. Immutable once built;
 * safe to use from several threads if the handlers are.
 */
public final class RequestDispatcher {
  private final Map<Class<? extends Request>, RequestHandler<?>> handlers;

  private RequestDispatcher(Map<Class<? extends Request>, RequestHandler<?>> handlers) {
    this.handlers = Map.copyOf(handlers);
  }

  /** Returns a builder with no handlers. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Answers a request.
   *
   * @param request the request
   * @return the handler's response; {@link ErrorCode#UNEXPECTED_MESSAGE} if no handler is
   *     registered for it; {@link ErrorCode#INTERNAL} if the handler threw or returned null
   */
  public Response dispatch(Request request) {
    RequestHandler<?> handler = handlers.get(request.getClass());
    if (handler == null) {
      return new ErrorResponse(
          ErrorCode.UNEXPECTED_MESSAGE, "no handler for " + request.type() + " in this enclave");
    }
    try {
      Response response = invoke(handler, request);
      if (response == null) {
        throw new IllegalStateException("handler returned no response");
      }
      return response;
    } catch (RuntimeException e) {
      // The message may quote data the handler was working on: log the class only.
      OperationalLog.warn(
          "handler for " + request.type() + " failed: " + e.getClass().getSimpleName());
      return new ErrorResponse(ErrorCode.INTERNAL, "the enclave failed to handle the request");
    }
  }

  @SuppressWarnings("unchecked")
  private static <R extends Request> Response invoke(RequestHandler<R> handler, Request request) {
    return handler.handle((R) request);
  }

  /** Collects handlers; one per request class. */
  public static final class Builder {
    private final Map<Class<? extends Request>, RequestHandler<?>> handlers = new HashMap<>();

    private Builder() {}

    /**
     * Registers the handler for one request class.
     *
     * @param type the request record class
     * @param handler its handler
     * @param <R> the request kind
     * @return this builder
     * @throws IllegalArgumentException if a handler is already registered for the class
     */
    public <R extends Request> Builder register(Class<R> type, RequestHandler<R> handler) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(handler, "handler");
      if (handlers.putIfAbsent(type, handler) != null) {
        throw new IllegalArgumentException("handler already registered for " + type.getName());
      }
      return this;
    }

    /** Returns the dispatcher. */
    public RequestDispatcher build() {
      return new RequestDispatcher(handlers);
    }
  }
}
