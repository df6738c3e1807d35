package dev.safehouse.enclave.host;

import dev.safehouse.common.EnclaveUnavailableException;
import dev.safehouse.enclave.protocol.ErrorCode;
import dev.safehouse.enclave.protocol.ErrorResponse;
import dev.safehouse.enclave.protocol.Frame;
import dev.safehouse.enclave.protocol.FrameChannel;
import dev.safehouse.enclave.protocol.ProtocolException;
import dev.safehouse.enclave.protocol.Request;
import dev.safehouse.enclave.protocol.Response;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host's side of one connected, authenticated enclave: sends requests and pairs each response
 * with its request by request id.
 *
 * <p>Thread-safe: any number of threads may send concurrently; one reader thread per connection
 * completes the futures. Every future completes exactly once: with the response, with {@link
 * EnclaveUnavailableException} on timeout or when the connection is lost (then all pending futures
 * fail at once), or with {@link ProtocolException} if the enclave's answer could not be decoded.
 * Once closed, a connection stays closed; the supervisor makes a new one for the next child.
 */
public final class EnclaveConnection implements AutoCloseable {
  /**
   * One timer thread for every connection's request timeouts; a timer is cancelled (and removed)
   * when its request completes, so answered requests leave nothing behind.
   */
  private static final ScheduledThreadPoolExecutor TIMEOUTS = timeouts();

  private final FrameChannel frames;
  private final long generation;
  private final Duration defaultTimeout;
  private final System.Logger log;
  private final AtomicLong nextRequestId = new AtomicLong(1);
  private final Map<Long, CompletableFuture<Response>> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile boolean closing;

  EnclaveConnection(
      FrameChannel frames, long generation, Duration defaultTimeout, System.Logger log) {
    this.frames = Objects.requireNonNull(frames, "frames");
    this.generation = generation;
    this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    this.log = Objects.requireNonNull(log, "log");
  }

  private static ScheduledThreadPoolExecutor timeouts() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "enclave-timeouts");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /** Starts the reader thread; called once by the supervisor after the handshake. */
  void startReader() {
    Thread reader = new Thread(this::readLoop, "enclave-reader-" + generation);
    reader.setDaemon(true);
    reader.start();
  }

  /** Returns the generation of the child this connection belongs to. */
  public long generation() {
    return generation;
  }

  /** Returns whether the connection is still usable. */
  public boolean isOpen() {
    return !closing;
  }

  /** Returns how many requests await a response, for metrics. */
  public int pendingRequests() {
    return pending.size();
  }

  /** Returns a future completed when this connection has closed, for whatever reason. */
  public CompletableFuture<Void> closed() {
    return closed.copy();
  }

  /**
   * Sends a request with the default timeout from {@link EnclaveSettings#requestTimeout()}.
   *
   * @see #send(Request, Duration)
   */
  public CompletableFuture<Response> send(Request request) {
    return send(request, defaultTimeout);
  }

  /**
   * Sends a request; never blocks on the response.
   *
   * @param request the request
   * @param timeout how long to wait for the response; must be positive
   * @return a future of the response, which may be an {@link ErrorResponse}; fails with {@link
   *     EnclaveUnavailableException} if the connection is closed or closes, or the timeout passes
   */
  public CompletableFuture<Response> send(Request request, Duration timeout) {
    Objects.requireNonNull(request, "request");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    long id = nextRequestId.getAndIncrement();
    CompletableFuture<Response> response = new CompletableFuture<>();
    pending.put(id, response);
    ScheduledFuture<?> timer =
        TIMEOUTS.schedule(
            () ->
                response.completeExceptionally(
                    new EnclaveUnavailableException(
                        "the enclave did not answer within " + timeout.toMillis() + " ms")),
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    response.whenComplete(
        (r, e) -> {
          pending.remove(id);
          timer.cancel(false);
        });
    if (closing) {
      // close() may have swept the map before our put; fail here so nothing is left behind.
      response.completeExceptionally(lost(null));
      return response;
    }
    try {
      frames.write(new Frame(id, request));
    } catch (IOException | RuntimeException e) {
      shutdown(e);
    }
    return response;
  }

  /**
   * Sends a request and waits for a response of the expected kind.
   *
   * @param request the request
   * @param expected the response class the request is answered with
   * @param timeout how long to wait; must be positive
   * @param <T> the expected response kind
   * @return the response
   * @throws EnclaveUnavailableException if the enclave is gone or does not answer in time
   * @throws EnclaveErrorException if the enclave answers with an error or an unexpected kind
   * @throws ProtocolException if the enclave's answer cannot be decoded
   */
  public <T extends Response> T call(Request request, Class<T> expected, Duration timeout) {
    Response response;
    try {
      response = send(request, timeout).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnclaveUnavailableException("interrupted while waiting for the enclave", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new EnclaveUnavailableException("the enclave request failed", e.getCause());
    }
    if (expected.isInstance(response)) {
      return expected.cast(response);
    }
    if (response instanceof ErrorResponse error) {
      throw new EnclaveErrorException(error.code(), error.safeMessage());
    }
    throw new EnclaveErrorException(
        ErrorCode.UNEXPECTED_MESSAGE,
        "the enclave answered " + request.type() + " with " + response.type());
  }

  /** Closes the socket; the enclave exits on EOF. Pending requests fail as unavailable. */
  @Override
  public void close() {
    shutdown(null);
  }

  private void readLoop() {
    Throwable cause = null;
    try {
      while (!closing) {
        Optional<Frame> next;
        try {
          next = frames.read();
        } catch (ProtocolException e) {
          if (!e.frameConsumed()) {
            throw e;
          }
          log.log(Level.WARNING, "enclave#" + generation + " sent a bad frame: " + e.code());
          e.requestId().ifPresent(id -> failPending(id, e));
          continue;
        }
        if (next.isEmpty()) {
          break;
        }
        deliver(next.get());
      }
    } catch (IOException | RuntimeException e) {
      cause = e;
    } finally {
      shutdown(cause);
    }
  }

  private void deliver(Frame frame) {
    if (!(frame.message() instanceof Response response)) {
      // Only responses may flow enclave → host after the handshake.
      throw ProtocolException.fatal(
          ErrorCode.UNEXPECTED_MESSAGE,
          "enclave sent " + frame.message().type() + " after the handshake");
    }
    CompletableFuture<Response> waiting = pending.remove(frame.requestId());
    if (waiting == null) {
      log.log(Level.DEBUG, "enclave#" + generation + " answered a request no one awaits");
    } else {
      waiting.complete(response);
    }
  }

  private void failPending(long id, ProtocolException e) {
    CompletableFuture<Response> waiting = pending.remove(id);
    if (waiting != null) {
      waiting.completeExceptionally(e);
    }
  }

  private void shutdown(Throwable cause) {
    closing = true;
    try {
      frames.close();
    } catch (IOException e) {
      // Already broken; the pending futures are failed below either way.
    }
    if (cause != null && !closed.isDone()) {
      log.log(
          Level.WARNING,
          "connection to enclave#" + generation + " ended: " + cause.getClass().getSimpleName());
    }
    for (Long id : pending.keySet()) {
      CompletableFuture<Response> waiting = pending.remove(id);
      if (waiting != null) {
        waiting.completeExceptionally(lost(cause));
      }
    }
    closed.complete(null);
  }

  private static EnclaveUnavailableException lost(Throwable cause) {
    return cause == null
        ? new EnclaveUnavailableException("the connection to the enclave is closed")
        : new EnclaveUnavailableException("the connection to the enclave was lost", cause);
  }
}
