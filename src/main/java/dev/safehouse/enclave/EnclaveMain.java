package dev.safehouse.enclave;

import dev.safehouse.enclave.audit.AuditAppendHandler;
import dev.safehouse.enclave.audit.AuditResumeHandler;
import dev.safehouse.enclave.audit.EnclaveAuditLog;
import dev.safehouse.enclave.ingest.AttestHandler;
import dev.safehouse.enclave.ingest.EnclaveContext;
import dev.safehouse.enclave.ingest.InitHandler;
import dev.safehouse.enclave.ingest.LoadHandler;
import dev.safehouse.enclave.ingest.TableCountsHandler;
import dev.safehouse.enclave.protocol.AttestRequest;
import dev.safehouse.enclave.protocol.AuditAppendRequest;
import dev.safehouse.enclave.protocol.AuditResumeRequest;
import dev.safehouse.enclave.protocol.Frame;
import dev.safehouse.enclave.protocol.FrameChannel;
import dev.safehouse.enclave.protocol.FrameCodec;
import dev.safehouse.enclave.protocol.Hello;
import dev.safehouse.enclave.protocol.InitRequest;
import dev.safehouse.enclave.protocol.LoadRequest;
import dev.safehouse.enclave.protocol.QueryRunRequest;
import dev.safehouse.enclave.protocol.ScoreRequest;
import dev.safehouse.enclave.protocol.StatusRequest;
import dev.safehouse.enclave.protocol.TableCountsRequest;
import dev.safehouse.enclave.query.QueryRunHandler;
import dev.safehouse.enclave.scoring.ScoreHandler;
import dev.safehouse.enclave.store.EnclaveTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Entry point of the enclave process, started by the host's supervisor as a separate JVM.
 *
 * <p>Usage: {@code java … dev.safehouse.enclave.EnclaveMain <socket-path>}. The process reads one
 * line, the session token, from standard input (the host writes it and closes the pipe), connects
 * to the host's Unix-domain socket at {@code socket-path}, sends {@link Hello} with the token and
 * then answers requests until the host closes the socket.
 *
 * <p>Exit codes: {@value #EXIT_HOST_CLOSED} host closed the socket; {@value #EXIT_FAILURE} the
 * connection broke or the stream could not be read; {@value #EXIT_USAGE} wrong arguments or no
 * valid token on standard input; {@value #EXIT_CONNECT} the socket could not be reached.
 *
 * <h2>Security guarantees</h2>
 *
 * The enclave opens no listener and no network connection, uses no database and writes no file: its
 * only channel is the one outgoing Unix-domain connection. Secrets never travel in arguments or the
 * environment; the session token arrives on standard input and is never logged. Standard error
 * carries operational lines only — never request payloads, data values or exception messages from
 * handlers. The process exits as soon as the host's end of the socket closes, so it does not
 * outlive its host.
 *
 * <p>Not guaranteed: this development enclave is an ordinary OS process. It is not hardware
 * isolated; a root user or anyone with the host's uid and a debugger (ptrace) can read its memory.
 * The JVM flags the host applies (no attach, no core dumps) raise the bar but are not a sandbox.
 * Confidential-computing platforms (Nitro, SGX/TDX) provide the isolation this process assumes.
 */
public final class EnclaveMain {

  /** Exit code when the host closed the socket. */
  public static final int EXIT_HOST_CLOSED = 0;

  /** Exit code when the connection broke or the stream became unreadable. */
  public static final int EXIT_FAILURE = 1;

  /** Exit code for wrong arguments or a missing or invalid token. */
  public static final int EXIT_USAGE = 2;

  /** Exit code when the host's socket could not be reached. */
  public static final int EXIT_CONNECT = 3;

  private EnclaveMain() {}

  /**
   * Runs the enclave and exits the JVM with one of the documented exit codes.
   *
   * @param args exactly one element: the path of the host's Unix-domain socket
   */
  public static void main(String[] args) {
    System.exit(run(args, System.in, Clock.systemUTC()));
  }

  static int run(String[] args, InputStream stdin, Clock clock) {
    long startEpochMillis =
        ProcessHandle.current()
            .info()
            .startInstant()
            .map(i -> i.toEpochMilli())
            .orElse(clock.millis());
    if (args.length != 1 || args[0].isBlank()) {
      OperationalLog.warn("usage: EnclaveMain <socket-path>");
      return EXIT_USAGE;
    }
    Hello hello;
    try {
      hello = new Hello(FrameCodec.PROTOCOL_VERSION, readToken(stdin));
    } catch (IOException | IllegalArgumentException e) {
      OperationalLog.warn("no valid session token on standard input");
      return EXIT_USAGE;
    }
    SocketChannel socket;
    try {
      socket = SocketChannel.open(StandardProtocolFamily.UNIX);
      socket.connect(UnixDomainSocketAddress.of(Path.of(args[0])));
    } catch (IOException | RuntimeException e) {
      OperationalLog.warn("cannot connect to the host socket: " + e.getClass().getSimpleName());
      return EXIT_CONNECT;
    }
    AtomicLong served = new AtomicLong();
    EnclaveContext context = new EnclaveContext(EnclaveTables.open());
    EnclaveAuditLog auditLog = new EnclaveAuditLog();
    RequestDispatcher dispatcher =
        RequestDispatcher.builder()
            .register(StatusRequest.class, new StatusHandler(clock, startEpochMillis, served::get))
            .register(InitRequest.class, new InitHandler(context))
            .register(LoadRequest.class, new LoadHandler(context))
            .register(TableCountsRequest.class, new TableCountsHandler(context))
            .register(AttestRequest.class, new AttestHandler(context))
            .register(AuditResumeRequest.class, new AuditResumeHandler(context, auditLog))
            .register(AuditAppendRequest.class, new AuditAppendHandler(context, auditLog))
            .register(QueryRunRequest.class, new QueryRunHandler(context))
            .register(ScoreRequest.class, new ScoreHandler(context))
            .build();
    try (FrameChannel frames = new FrameChannel(socket)) {
      frames.write(new Frame(0, hello));
      OperationalLog.info("connected; protocol v" + FrameCodec.PROTOCOL_VERSION + "; serving");
      EnclaveSession.Outcome outcome = new EnclaveSession(frames, dispatcher, served).serve();
      OperationalLog.info("session ended: " + outcome + "; exiting");
      return outcome == EnclaveSession.Outcome.HOST_CLOSED ? EXIT_HOST_CLOSED : EXIT_FAILURE;
    } catch (IOException e) {
      OperationalLog.warn("connection to the host failed: " + e.getClass().getSimpleName());
      return EXIT_FAILURE;
    }
  }

  /** Reads one line of at most {@link Hello#MAX_TOKEN_CHARS} bytes; CR/LF are stripped. */
  private static String readToken(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(Hello.MAX_TOKEN_CHARS);
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (line.size() > Hello.MAX_TOKEN_CHARS) {
        throw new IOException("token line too long");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
