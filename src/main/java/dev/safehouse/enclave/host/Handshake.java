package dev.safehouse.enclave.host;

import dev.safehouse.enclave.protocol.Frame;
import dev.safehouse.enclave.protocol.FrameChannel;
import dev.safehouse.enclave.protocol.FrameCodec;
import dev.safehouse.enclave.protocol.Hello;
import dev.safehouse.enclave.protocol.ProtocolException;
import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accepts one connection for a new child and authenticates its Hello, all within a deadline.
 * Whatever fails, the accepted channel is closed and a {@link HandshakeException} says why.
 */
final class Handshake {
  private static final long POLL_MILLIS = 100;
  private static final int WAITING = 0;
  private static final int DONE = 1;
  private static final int TIMED_OUT = 2;

  private Handshake() {}

  /**
   * Waits for the child's connection and a valid Hello.
   *
   * @return the authenticated channel, in blocking mode
   * @throws HandshakeException if the child exits, times out, or sends anything but a Hello with
   *     the current protocol version and the expected token
   * @throws InterruptedException if the supervisor is closing
   */
  static FrameChannel await(
      ServerSocketChannel server, Process child, SessionToken token, Duration timeout)
      throws HandshakeException, InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    SocketChannel channel = accept(server, child, deadline, timeout);
    channel.configureBlocking(true);
    FrameChannel frames = new FrameChannel(channel);
    AtomicInteger phase = new AtomicInteger(WAITING);
    long remainingNanos = Math.max(1, deadline - System.nanoTime());
    CompletableFuture.runAsync(
        () -> {
          if (phase.compareAndSet(WAITING, TIMED_OUT)) {
            closeQuietly(frames);
          }
        },
        CompletableFuture.delayedExecutor(remainingNanos, TimeUnit.NANOSECONDS));
    try {
      verify(readHello(frames, phase), token);
      if (!phase.compareAndSet(WAITING, DONE)) {
        throw new HandshakeException(
            "enclave did not say hello within " + timeout.toMillis() + " ms");
      }
      return frames;
    } catch (HandshakeException | RuntimeException e) {
      closeQuietly(frames);
      throw e;
    }
  }

  private static SocketChannel accept(
      ServerSocketChannel server, Process child, long deadline, Duration timeout)
      throws HandshakeException, InterruptedException, IOException {
    server.configureBlocking(false);
    try (Selector selector = Selector.open()) {
      server.register(selector, SelectionKey.OP_ACCEPT);
      while (true) {
        SocketChannel channel = server.accept();
        if (channel != null) {
          return channel;
        }
        if (!child.isAlive()) {
          throw new HandshakeException("enclave exited before connecting");
        }
        long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remainingMillis <= 0) {
          throw new HandshakeException(
              "enclave did not connect within " + timeout.toMillis() + " ms");
        }
        selector.select(Math.min(remainingMillis, POLL_MILLIS));
        selector.selectedKeys().clear();
        if (Thread.interrupted()) {
          throw new InterruptedException("supervisor closing");
        }
      }
    }
  }

  private static Hello readHello(FrameChannel frames, AtomicInteger phase)
      throws HandshakeException, InterruptedException {
    Optional<Frame> first;
    try {
      first = frames.read();
    } catch (ProtocolException e) {
      throw new HandshakeException("invalid hello frame: " + e.code());
    } catch (ClosedByInterruptException e) {
      throw new InterruptedException("supervisor closing");
    } catch (AsynchronousCloseException e) {
      throw new HandshakeException(
          phase.get() == TIMED_OUT ? "enclave did not say hello in time" : "handshake aborted");
    } catch (IOException e) {
      throw new HandshakeException("connection failed during hello: " + e.getClass().getName());
    }
    if (first.isEmpty()) {
      throw new HandshakeException("connection closed before hello");
    }
    if (!(first.get().message() instanceof Hello hello)) {
      throw new HandshakeException("first message was " + first.get().message().type());
    }
    return hello;
  }

  private static void verify(Hello hello, SessionToken token) throws HandshakeException {
    if (hello.protocolVersion() != FrameCodec.PROTOCOL_VERSION) {
      throw new HandshakeException(
          "hello with unsupported protocol version " + hello.protocolVersion());
    }
    if (!token.matches(hello.sessionToken())) {
      throw new HandshakeException("hello with a wrong session token");
    }
  }

  private static void closeQuietly(FrameChannel frames) {
    try {
      frames.close();
    } catch (IOException e) {
      // Closing a socket we are abandoning; nothing to do.
    }
  }
}
