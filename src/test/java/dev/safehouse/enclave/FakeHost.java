package dev.safehouse.enclave;

import dev.safehouse.enclave.host.EnclaveCommand;
import dev.safehouse.enclave.host.EnclaveSettings;
import dev.safehouse.enclave.protocol.Frame;
import dev.safehouse.enclave.protocol.FrameChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** Plays the host by hand around a real enclave child, for tests of the enclave process. */
final class FakeHost implements AutoCloseable {
  final Path dir;
  final Path socket;
  final ServerSocketChannel server;
  Process child;
  FrameChannel frames;

  FakeHost() throws IOException {
    dir =
        Files.createTempDirectory(
            "enclave-test-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    socket = dir.resolve("e.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    server.configureBlocking(false);
  }

  /** Starts the real enclave and writes {@code stdinText} to it, then closes its stdin. */
  Process launch(String stdinText) throws IOException {
    child = EnclaveCommand.of(EnclaveSettings.defaults(), socket).start(dir);
    try (OutputStream stdin = child.getOutputStream()) {
      stdin.write(stdinText.getBytes(StandardCharsets.US_ASCII));
    }
    return child;
  }

  /** Accepts the child's connection, waiting up to 20 s. */
  FrameChannel accept() throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    SocketChannel channel;
    while ((channel = server.accept()) == null) {
      if (System.nanoTime() > deadline || !child.isAlive()) {
        throw new AssertionError("enclave did not connect; output: " + output());
      }
      Thread.onSpinWait();
    }
    channel.configureBlocking(true);
    frames = new FrameChannel(channel);
    return frames;
  }

  Frame roundTrip(Frame request) throws IOException {
    frames.write(request);
    return frames.read().orElseThrow(() -> new AssertionError("enclave closed the socket"));
  }

  String output() {
    try {
      return new String(child.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "<unreadable>";
    }
  }

  @Override
  public void close() throws IOException {
    if (frames != null) {
      frames.close();
    }
    if (child != null) {
      child.destroyForcibly();
    }
    server.close();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
