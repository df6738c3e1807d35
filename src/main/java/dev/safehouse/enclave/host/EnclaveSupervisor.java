package dev.safehouse.enclave.host;

import dev.safehouse.common.EnclaveUnavailableException;
import dev.safehouse.enclave.protocol.StatusRequest;
import dev.safehouse.enclave.protocol.StatusResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs the enclave as a child JVM, authenticates it, and restarts it when it dies.
 *
 * <p>Lifecycle: {@link #start()} creates a private directory (mode 0700) holding a listening
 * Unix-domain socket and starts the supervisor thread, which launches the child ({@link
 * EnclaveCommand}), writes a fresh session token to its standard input and closes it, and waits up
 * to {@link EnclaveSettings#startTimeout()} for the child to connect and send a valid {@code
 * Hello}. The state then is {@link EnclaveState#READY} until the child exits or the connection is
 * lost; then {@link EnclaveState#DOWN}, and a new child is launched after an exponential back-off
 * ({@link EnclaveSettings#backoffInitial()} doubling to {@link EnclaveSettings#backoffMax()}, reset
 * after {@link EnclaveSettings#stableAfter()} READY). {@link #close()} ends all of it. Listeners
 * receive every {@link EnclaveEvent} in order. The child's output goes to the {@link System.Logger}
 * named {@value #LOGGER_NAME}.
 *
 * <p>Thread-safe. {@link #start()} and {@link #close()} may each take effect once.
 *
 * <h2>Security guarantees</h2>
 *
 * Only a process that can open the socket — the same OS user, since the directory is 0700 — and
 * that knows the 256-bit session token written to this child's stdin can become the connected
 * enclave; the token is compared in constant time, and a child whose Hello is wrong is killed. The
 * child gets no secrets in arguments or environment (its environment is reduced to locale and time
 * zone), runs with attach, perf data, error files and core dumps disabled, and is destroyed when
 * the host JVM exits normally (a shutdown hook) — and exits by itself on socket EOF when the host
 * dies abruptly.
 *
 * <p>Not guaranteed: the dev enclave is a plain process under the host's user, not hardware
 * isolated; root or a same-user debugger can read its memory, and a same-user process can connect
 * first and make a child fail its start (denial of service, not impersonation). No attestation is
 * done here.
 */
public final class EnclaveSupervisor implements AutoCloseable {

  /** Name of the {@link System.Logger} that receives supervisor and child output. */
  public static final String LOGGER_NAME = "dev.safehouse.enclave";

  static final String SOCKET_FILE = "enclave.sock";
  private static final Duration EXIT_GRACE = Duration.ofSeconds(2);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final EnclaveSettings settings;
  private final ChildLauncher launcher;
  private final System.Logger log = System.getLogger(LOGGER_NAME);
  private final SecureRandom random = new SecureRandom();
  private final List<Consumer<EnclaveEvent>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong generation = new AtomicLong();
  private final Object stateLock = new Object();
  private EnclaveState state = EnclaveState.NEW; // guarded by stateLock
  private volatile boolean closed;
  private volatile EnclaveConnection connection;
  private volatile Process child;
  private volatile SocketDirectory directory;
  private volatile ServerSocketChannel server;
  private volatile EnclaveCommand command;
  private volatile Thread loop;
  private volatile Thread shutdownHook;

  /**
   * Creates a supervisor; nothing runs until {@link #start()}.
   *
   * @param settings launch and supervision settings
   */
  public EnclaveSupervisor(EnclaveSettings settings) {
    this(settings, ChildLauncher.PROCESS);
  }

  EnclaveSupervisor(EnclaveSettings settings, ChildLauncher launcher) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.launcher = Objects.requireNonNull(launcher, "launcher");
  }

  /**
   * Registers a listener for lifecycle events. Listeners run on the supervisor thread and must be
   * quick; an exception from a listener is logged and ignored.
   *
   * @param listener the listener
   */
  public void addListener(Consumer<EnclaveEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Prepares the socket and starts supervising in the background; returns without waiting for the
   * child (see {@link #awaitReady(Duration)}).
   *
   * @throws IllegalStateException if already started or closed
   * @throws EnclaveUnavailableException if the socket directory or socket cannot be created
   */
  public void start() {
    synchronized (stateLock) {
      if (state != EnclaveState.NEW) {
        throw new IllegalStateException("the supervisor was already started");
      }
      state = EnclaveState.STARTING;
    }
    try {
      directory = SocketDirectory.create();
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(directory.socket()));
      command = EnclaveCommand.of(settings, directory.socket());
    } catch (IOException | RuntimeException e) {
      close();
      throw new EnclaveUnavailableException("could not prepare the enclave socket", e);
    }
    shutdownHook = new Thread(this::close, "enclave-supervisor-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    Thread thread = new Thread(this::supervise, "enclave-supervisor");
    thread.setDaemon(true);
    loop = thread;
    thread.start();
  }

  /**
   * Waits until the enclave is READY.
   *
   * @param timeout the longest wait
   * @return true if READY, false if the timeout passed or the supervisor was closed
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (stateLock) {
      while (state != EnclaveState.READY) {
        long remaining = deadline - System.nanoTime();
        if (state == EnclaveState.CLOSED || remaining <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(stateLock, remaining);
      }
      return true;
    }
  }

  /** Returns the current state. */
  public EnclaveState state() {
    synchronized (stateLock) {
      return state;
    }
  }

  /** Returns the connection to the READY enclave, or empty in any other state. */
  public Optional<EnclaveConnection> connection() {
    EnclaveConnection current = connection;
    return current != null && current.isOpen() ? Optional.of(current) : Optional.empty();
  }

  /**
   * Returns the connection to the READY enclave.
   *
   * @throws EnclaveUnavailableException if the enclave is not READY
   */
  public EnclaveConnection current() {
    return connection()
        .orElseThrow(
            () -> new EnclaveUnavailableException("the enclave is not ready (" + state() + ")"));
  }

  /**
   * Asks the enclave for its status.
   *
   * @param timeout how long to wait for the answer
   * @return the enclave's status
   * @throws EnclaveUnavailableException if the enclave is not READY or does not answer in time
   * @throws EnclaveErrorException if the enclave answers with an error
   */
  public StatusResponse status(Duration timeout) {
    return current().call(new StatusRequest(), StatusResponse.class, timeout);
  }

  /** Returns the pid of the running child, if one is alive. */
  public OptionalLong childPid() {
    Process current = child;
    return current != null && current.isAlive()
        ? OptionalLong.of(current.pid())
        : OptionalLong.empty();
  }

  /** Returns how many children have been launched so far (the current generation). */
  public long generation() {
    return generation.get();
  }

  /** Returns the settings this supervisor was created with. */
  public EnclaveSettings settings() {
    return settings;
  }

  /** Returns the child command, once started; for diagnostics and tests. */
  Optional<EnclaveCommand> command() {
    return Optional.ofNullable(command);
  }

  /** Returns the listening socket's path, once started; for tests that play the enclave. */
  Optional<Path> socketPath() {
    SocketDirectory current = directory;
    return current == null ? Optional.empty() : Optional.of(current.socket());
  }

  /**
   * Stops supervising: closes the connection (the enclave exits on EOF), kills the child if it
   * lingers, closes the socket and removes its directory. Idempotent; the state becomes CLOSED.
   */
  @Override
  public void close() {
    synchronized (stateLock) {
      if (closed) {
        return;
      }
      closed = true;
      state = EnclaveState.CLOSED;
      stateLock.notifyAll();
    }
    Optional<EnclaveConnection> ready = connection();
    ready.ifPresent(EnclaveConnection::close);
    Process running = child;
    if (running != null) {
      // Only a READY child has a connection whose EOF makes it leave by itself.
      ChildProcesses.stop(running, ready.isPresent() ? EXIT_GRACE : Duration.ZERO);
    }
    Thread thread = loop;
    if (thread != null) {
      thread.interrupt();
      ChildProcesses.join(thread, CLOSE_WAIT);
    }
    closeServer();
    SocketDirectory dir = directory;
    if (dir != null) {
      dir.delete(log);
    }
    Thread hook = shutdownHook;
    if (hook != null && Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down; the hook will find us closed.
      }
    }
  }

  private void supervise() {
    RestartBackoff backoff =
        new RestartBackoff(
            settings.backoffInitial(), settings.backoffMax(), settings.stableAfter());
    try {
      while (!closed) {
        Duration readyFor;
        try {
          readyFor = runGeneration();
        } catch (RuntimeException e) {
          log.log(Level.ERROR, "enclave supervision step failed", e);
          readyFor = Duration.ZERO;
        }
        if (closed) {
          return;
        }
        Duration delay = backoff.next(readyFor);
        emit(new EnclaveEvent.RestartScheduled(generation.get() + 1, delay));
        Thread.sleep(delay.toMillis());
      }
    } catch (InterruptedException e) {
      // close() interrupts this thread; the child is stopped by runGeneration's cleanup.
    }
  }

  private Duration runGeneration() throws InterruptedException {
    long gen = generation.incrementAndGet();
    setState(EnclaveState.STARTING);
    SessionToken token = SessionToken.random(random);
    Process process;
    try {
      process = launcher.launch(command, directory.path());
    } catch (IOException e) {
      log.log(Level.WARNING, "could not launch enclave#" + gen + ": " + e.getClass().getName());
      setState(EnclaveState.DOWN);
      emit(new EnclaveEvent.Failed(gen, "could not launch the enclave process"));
      return Duration.ZERO;
    }
    child = process;
    long pid = process.pid();
    emit(new EnclaveEvent.Started(gen, pid));
    OutputPump.start(process.getInputStream(), gen, log);
    long readySince = 0;
    EnclaveConnection conn = null;
    try {
      giveToken(process, token);
      conn =
          new EnclaveConnection(
              Handshake.await(server, process, token, settings.startTimeout()),
              gen,
              settings.requestTimeout(),
              log);
      conn.startReader();
      connection = conn;
      if (!setState(EnclaveState.READY)) {
        return Duration.ZERO;
      }
      readySince = System.nanoTime();
      log.log(Level.INFO, "enclave#" + gen + " ready, pid " + pid);
      emit(new EnclaveEvent.Ready(gen, pid));
      CompletableFuture.anyOf(process.onExit(), conn.closed()).get();
    } catch (HandshakeException e) {
      log.log(Level.WARNING, "enclave#" + gen + " failed to start: " + e.getMessage());
      setState(EnclaveState.DOWN);
      emit(new EnclaveEvent.Failed(gen, e.getMessage()));
    } catch (IOException | ExecutionException e) {
      log.log(Level.WARNING, "enclave#" + gen + " failed: " + e.getClass().getName());
    } finally {
      connection = null;
      setState(EnclaveState.DOWN);
      if (conn != null) {
        conn.close();
      }
      // A READY enclave exits on EOF by itself and is killed only if it lingers; a child that
      // failed its handshake is killed at once.
      int exitCode = ChildProcesses.stop(process, readySince == 0 ? Duration.ZERO : EXIT_GRACE);
      log.log(Level.INFO, "enclave#" + gen + " exited with status " + exitCode);
      emit(new EnclaveEvent.Exited(gen, pid, exitCode));
    }
    return readySince == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - readySince);
  }

  private static void giveToken(Process process, SessionToken token) {
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(token.line());
    } catch (IOException e) {
      // The child is already gone; the handshake reports it.
    }
  }

  /** Moves to a state unless closed; returns false if closed. */
  private boolean setState(EnclaveState next) {
    synchronized (stateLock) {
      if (state == EnclaveState.CLOSED) {
        return false;
      }
      state = next;
      stateLock.notifyAll();
      return true;
    }
  }

  private void emit(EnclaveEvent event) {
    for (Consumer<EnclaveEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        log.log(Level.WARNING, "enclave event listener failed: " + e.getClass().getName());
      }
    }
  }

  private void closeServer() {
    ServerSocketChannel channel = server;
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        log.log(Level.DEBUG, "closing the enclave socket failed: " + e.getClass().getName());
      }
    }
  }
}
