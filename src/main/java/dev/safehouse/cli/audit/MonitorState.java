package dev.safehouse.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safehouse.audit.Checkpoint;
import dev.safehouse.audit.LeafHash;
import dev.safehouse.crypto.CryptoFailureException;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.IntlSuite;
import dev.safehouse.crypto.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * What a monitor remembers between runs: the last checkpoint it verified (origin, size, root) and
 * the log key that signed it. Stored as JSON {@code
 * {"origin":…,"logKey":…,"treeSize":N,"root":"<base64>"}}, the log key in {@link Verifier#toText()}
 * form (an Ed25519 Tink keyset for suite {@code intl}, an SM2 public key for {@code sm}).
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #write} replaces the file atomically (temporary file in the same directory, then a move),
 * so a crash leaves the old state or the new one, never a mix. Not guaranteed: protection of the
 * file itself — anyone who can edit it can make the monitor forget history.
 *
 * @param origin the checkpoint's origin
 * @param logKey the log key, text form
 * @param treeSize the checkpoint's size
 * @param root the checkpoint's root
 */
public record MonitorState(String origin, String logKey, long treeSize, LeafHash root) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks the fields. */
  public MonitorState {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(logKey, "logKey");
    Objects.requireNonNull(root, "root");
    if (treeSize < 0) {
      throw new IllegalArgumentException("a tree size is not negative");
    }
  }

  /** Returns the state after verifying {@code checkpoint} under {@code logKey}. */
  public static MonitorState of(Checkpoint checkpoint, Verifier logKey) {
    return new MonitorState(
        checkpoint.origin(), logKey.toText(), checkpoint.size(), checkpoint.root());
  }

  /**
   * Reads the state file, if there is one.
   *
   * @throws IllegalArgumentException if the file exists but cannot be read or is not a state
   */
  public static Optional<MonitorState> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the monitor state " + file);
    }
    try {
      JsonNode json = JSON.readTree(text);
      JsonNode size = json.path("treeSize");
      byte[] root = Base64.getDecoder().decode(json.path("root").asText(""));
      if (!json.path("origin").isTextual()
          || !json.path("logKey").isTextual()
          || !size.canConvertToExactIntegral()
          || root.length != LeafHash.LENGTH) {
        throw new IllegalArgumentException("missing or invalid field");
      }
      return Optional.of(
          new MonitorState(
              json.get("origin").asText(),
              json.get("logKey").asText(),
              size.asLong(),
              new LeafHash(root)));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the monitor state " + file + " is not valid");
    }
  }

  /**
   * Refuses to compare with a checkpoint of another log: the origin and the log key must be the
   * ones this state was recorded for.
   *
   * @throws VerificationFailure if either differs
   */
  public void requireSameLog(String checkpointOrigin, Verifier checkpointKey) {
    if (!origin.equals(checkpointOrigin)) {
      throw new VerificationFailure(
          "the monitor state is for origin '"
              + origin
              + "', the checkpoint is for '"
              + checkpointOrigin
              + "'; use another --state file to monitor another log");
    }
    if (!sameKey(logKey, checkpointKey)) {
      throw new VerificationFailure(
          "the log key differs from the one in the monitor state: the log was re-keyed or"
              + " replaced; use another --state file only if you trust the new key");
    }
  }

  /**
   * Writes this state to {@code file} atomically, creating its directory if needed.
   *
   * @throws IOException if it cannot be written
   */
  public void write(Path file) throws IOException {
    ObjectNode json = JSON.createObjectNode();
    json.put("origin", origin);
    json.put("logKey", logKey);
    json.put("treeSize", treeSize);
    json.put("root", Base64.getEncoder().encodeToString(root.bytes()));
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(
          temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  // Ed25519 keys compare by their raw bytes: two Tink keysets can hold the same key.
  private static boolean sameKey(String text, Verifier key) {
    try {
      Verifier stored = CryptoSuite.ofKeyText(text).verifierFromText(text);
      if (stored.suite() != key.suite()) {
        return false;
      }
      if (stored instanceof IntlSuite.Verifying a && key instanceof IntlSuite.Verifying b) {
        return Arrays.equals(a.key().rawPublicKey(), b.key().rawPublicKey());
      }
      return stored.keyId().equals(key.keyId());
    } catch (CryptoFailureException e) {
      throw new IllegalArgumentException("the monitor state holds no valid log key");
    }
  }
}
