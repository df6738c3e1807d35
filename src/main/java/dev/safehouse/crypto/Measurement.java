package dev.safehouse.crypto;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The enclave's identity: {@code value = H(codeHash ‖ policyHash)} (hex), where {@code H} is the
 * deployment suite's hash (SHA-256 for {@code intl}, SM3 for {@code sm}), {@code codeHash} is
 * {@code H} over every file of its class path — jars by file name, files under class directories by
 * relative path, so the value does not depend on where it is installed — ordered by that name, each
 * framed {@code u32 len(name) ‖ name ‖ u64 len(content) ‖ content}, and {@code policyHash} is the
 * policy bundle's hash.
 *
 * @param codeHash hex hash of the code
 * @param policyHash hex hash of the policy bundle
 * @param value hex measurement
 */
public record Measurement(String codeHash, String policyHash, String value) {

  /**
   * Measures the class path {@code classPath} (entries separated by the platform separator; a
   * trailing {@code *} means every jar in that directory) together with {@code policyHash}, with
   * {@code suite}'s hash.
   */
  public static Measurement of(CryptoSuite suite, String classPath, String policyHash) {
    List<Named> files = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = Path.of(entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry);
      collect(path, files);
    }
    files.sort((a, b) -> a.name().compareTo(b.name()));
    MessageDigest code = suite.newDigest();
    for (Named file : files) {
      byte[] nameBytes = file.name().getBytes(StandardCharsets.UTF_8);
      try {
        byte[] content = Files.readAllBytes(file.path());
        code.update(ByteBuffer.allocate(4).putInt(nameBytes.length).array());
        code.update(nameBytes);
        code.update(ByteBuffer.allocate(8).putLong(content.length).array());
        code.update(content);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String codeHash = HexFormat.of().formatHex(code.digest());
    MessageDigest both = suite.newDigest();
    both.update(codeHash.getBytes(StandardCharsets.US_ASCII));
    both.update(policyHash.getBytes(StandardCharsets.US_ASCII));
    return new Measurement(codeHash, policyHash, HexFormat.of().formatHex(both.digest()));
  }

  /**
   * A file and the name it is measured under: a jar's file name, or a class file's relative path.
   */
  private record Named(String name, Path path) {}

  private static void collect(Path path, List<Named> files) {
    if (Files.isRegularFile(path)) {
      files.add(new Named(path.getFileName().toString(), path));
    } else if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(Files::isRegularFile)
            .forEach(
                f -> files.add(new Named(path.relativize(f).toString().replace('\\', '/'), f)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
