package dev.safehouse.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies the shipped policies into a temporary directory for tests to break. */
final class PolicyFixtures {
  private PolicyFixtures() {}

  /** Copies every file under {@code policies/} into {@code dir}. */
  static void copyShipped(Path dir) throws IOException {
    Path source = Path.of("policies");
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path path : walk.toList()) {
        Path target = dir.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
