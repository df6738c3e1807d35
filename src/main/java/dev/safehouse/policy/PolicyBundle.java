package dev.safehouse.policy;

import dev.safehouse.common.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The policy bundle's identity: SHA-256 over every file under the policies directory, in sorted
 * order of their relative paths (with {@code /} separators), each framed as {@code u32 len(path) ‖
 * path (UTF-8) ‖ u64 len(content) ‖ content}. Part of the enclave's measurement: any change to any
 * policy file changes it, and nothing else does.
 */
public final class PolicyBundle {
  private PolicyBundle() {}

  /**
   * Hashes the bundle at {@code dir}.
   *
   * @throws PolicyException if the directory cannot be read
   */
  public static String hash(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> files =
          walk.filter(Files::isRegularFile)
              .sorted((a, b) -> relative(dir, a).compareTo(relative(dir, b)))
              .toList();
      MessageDigest sha256 = Sha256.newDigest();
      for (Path file : files) {
        byte[] path = relative(dir, file).getBytes(StandardCharsets.UTF_8);
        byte[] content = Files.readAllBytes(file);
        sha256.update(ByteBuffer.allocate(4).putInt(path.length).array());
        sha256.update(path);
        sha256.update(ByteBuffer.allocate(8).putLong(content.length).array());
        sha256.update(content);
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (IOException | UncheckedIOException e) {
      throw new PolicyException("cannot read the policy bundle at " + dir, e);
    }
  }

  /**
   * Lists the YAML files ({@code *.yaml}, {@code *.yml}) directly in {@code policiesDir/directory},
   * sorted by file name; none if that directory does not exist.
   *
   * @throws PolicyException if the directory cannot be read
   */
  public static List<Path> yamlFiles(Path policiesDir, String directory) {
    Path dir = policiesDir.resolve(directory);
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
      stream.forEach(files::add);
    } catch (IOException e) {
      throw new PolicyException(directory + ": cannot be read", e);
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return files;
  }

  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace('\\', '/');
  }
}
