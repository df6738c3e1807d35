package dev.safehouse.enclave.host;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The host's private directory (mode 0700, under {@code java.io.tmpdir}) holding the enclave
 * socket; also the child's working directory. Unix socket paths are limited to about 100 bytes, so
 * a very long {@code java.io.tmpdir} makes binding fail.
 */
final class SocketDirectory {
  private final Path path;

  private SocketDirectory(Path path) {
    this.path = path;
  }

  static SocketDirectory create() throws IOException {
    // Absolute: the child runs with this directory as its working directory, so a relative
    // java.io.tmpdir would otherwise resolve to a different path in the child.
    return new SocketDirectory(
        Files.createTempDirectory(
                "safehouse-enclave-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
            .toAbsolutePath());
  }

  Path path() {
    return path;
  }

  Path socket() {
    return path.resolve(EnclaveSupervisor.SOCKET_FILE);
  }

  /** Removes the directory and anything in it; failures are logged, not thrown. */
  void delete(System.Logger log) {
    try (Stream<Path> walk = Files.walk(path)) {
      List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path entry : deepestFirst) {
        Files.deleteIfExists(entry);
      }
    } catch (IOException e) {
      log.log(Level.WARNING, "could not remove the enclave socket directory: " + e.getClass());
    }
  }
}
