package dev.safehouse.config;

import dev.safehouse.common.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Finds settings that point at, or contain, a key from {@code keys-dev/}, so that the {@code prod}
 * profile can refuse to start with them.
 *
 * <h2>Security guarantees</h2>
 *
 * A setting is reported when its value (a) names a path (or {@code local-kms://} key file) with a
 * {@code keys-dev} segment, (b) names a readable file whose key material equals a dev key, or (c)
 * is itself the material of a dev key. Key material is compared as the SHA-256 of its base64 body,
 * with PEM armour and whitespace removed, so re-wrapped or re-encoded copies of a dev PEM are
 * caught too. Not guaranteed: a dev key converted to another encoding (DER file, JWK) is not
 * recognised. Reports name settings, never values.
 */
public final class DevKeyGuard {
  /** Classpath resource listing the SHA-256 fingerprints of every file in {@code keys-dev/}. */
  public static final String FINGERPRINTS_RESOURCE = "/dev-key-fingerprints.txt";

  private static final long MAX_KEY_FILE_BYTES = 1 << 20;

  private final Set<String> devFingerprints;

  /**
   * Creates a guard for the given fingerprints.
   *
   * @param devFingerprints lower-case hex SHA-256 fingerprints as computed by {@link #fingerprint}
   */
  public DevKeyGuard(Set<String> devFingerprints) {
    this.devFingerprints = Set.copyOf(devFingerprints);
  }

  /**
   * Loads the fingerprints shipped in {@link #FINGERPRINTS_RESOURCE}: one per line, {@code <hex>
   * <file name>}, {@code #} starts a comment.
   *
   * @throws IllegalStateException if the resource is missing
   */
  public static DevKeyGuard fromShippedFingerprints() {
    try (InputStream in = DevKeyGuard.class.getResourceAsStream(FINGERPRINTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + FINGERPRINTS_RESOURCE);
      }
      Set<String> prints = new TreeSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          prints.add(trimmed.split("\\s+")[0]);
        }
      }
      return new DevKeyGuard(prints);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the names of the settings that use a dev key, sorted.
   *
   * @param names every setting name to inspect
   * @param valueOf the value of a setting, empty when unset or unreadable
   */
  public List<String> offendingSettings(
      Iterable<String> names, Function<String, Optional<String>> valueOf) {
    Set<String> offending = new TreeSet<>();
    for (String name : names) {
      if (name.startsWith("%")) {
        continue; // inactive profile-specific entry; its active form is inspected under its plain
        // name
      }
      valueOf.apply(name).filter(this::usesDevKey).ifPresent(v -> offending.add(name));
    }
    return new ArrayList<>(offending);
  }

  /** Returns whether {@code value} names or contains a dev key. */
  boolean usesDevKey(String value) {
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      return false;
    }
    String pathText = trimmed.replaceFirst("^(file:|classpath:|local-kms://)", "");
    if (pathText.replace('\\', '/').matches("(.*/)?keys-dev(/.*)?")) {
      return true;
    }
    if (devFingerprints.contains(fingerprint(trimmed))) {
      return true;
    }
    return readSmallFile(pathText)
        .map(text -> devFingerprints.contains(fingerprint(text)))
        .orElse(false);
  }

  /**
   * Returns the lower-case hex SHA-256 of {@code keyText}'s base64 body: PEM armour lines ({@code
   * -----BEGIN …-----}, {@code -----END …-----}) and all whitespace removed.
   */
  public static String fingerprint(String keyText) {
    String body = keyText.replaceAll("-----(BEGIN|END)[^-]*-----", "").replaceAll("\\s+", "");
    return Sha256.hex(body.getBytes(StandardCharsets.US_ASCII));
  }

  private static Optional<String> readSmallFile(String pathText) {
    if (pathText.length() > 4096 || pathText.contains("\n")) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(pathText);
      if (!Files.isRegularFile(path) || Files.size(path) > MAX_KEY_FILE_BYTES) {
        return Optional.empty();
      }
      return Optional.of(Files.readString(path, StandardCharsets.ISO_8859_1));
    } catch (InvalidPathException | IOException | SecurityException e) {
      return Optional.empty();
    }
  }
}
