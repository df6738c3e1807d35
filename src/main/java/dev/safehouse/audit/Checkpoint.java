package dev.safehouse.audit;

import dev.safehouse.crypto.Signer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A log checkpoint (signed tree head) in the C2SP tlog-checkpoint format: the body is {@code
 * "<origin>\n<size in decimal>\n<base64 root hash>\n"} followed by optional extension lines, and is
 * signed as a signed note ({@link SignedNote}).
 *
 * <h2>Security guarantees</h2>
 *
 * A checkpoint built here or returned by {@link SignedCheckpoint#parse} is well formed; one from
 * {@link SignedCheckpoint#parse} was also signed by the expected key. Not guaranteed: that the log
 * is append-only — check consistency proofs between checkpoints for that.
 *
 * @param origin the log's unique name, e.g. {@code safehouse.example/audit}: non-empty, no control
 *     characters
 * @param size the number of leaves, not negative
 * @param root the tree hash of those leaves
 * @param extensions extra body lines after the root, each non-empty without control characters;
 *     usually none
 */
public record Checkpoint(String origin, long size, LeafHash root, List<String> extensions) {
  /**
   * Checks the fields.
   *
   * @throws NoteException if the origin or an extension line is empty or holds a control character,
   *     or the size is negative
   */
  public Checkpoint {
    requireLine(origin, "the origin");
    if (size < 0) {
      throw new NoteException("the tree size is not negative");
    }
    Objects.requireNonNull(root, "root");
    extensions = List.copyOf(extensions);
    extensions.forEach(line -> requireLine(line, "an extension line"));
  }

  /** Creates a checkpoint without extension lines. */
  public Checkpoint(String origin, long size, LeafHash root) {
    this(origin, size, root, List.of());
  }

  /** Returns the body text, each line ending with a newline. */
  public String bodyText() {
    StringBuilder body = new StringBuilder();
    body.append(origin).append('\n');
    body.append(size).append('\n');
    body.append(Base64.getEncoder().encodeToString(root.bytes())).append('\n');
    extensions.forEach(line -> body.append(line).append('\n'));
    return body.toString();
  }

  /** Returns the body as UTF-8 bytes: exactly what is signed. */
  public byte[] body() {
    return bodyText().getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the signed note text of this checkpoint, signed by {@code signer}. */
  public String sign(NoteSigner signer) {
    return SignedNote.sign(bodyText(), signer);
  }

  /** Returns the signed note text of this checkpoint, signed with {@code key} (Ed25519 or SM2). */
  public String sign(String keyName, Signer key) {
    return sign(NoteSigner.of(keyName, key));
  }

  /**
   * Reads a checkpoint body (the text of an opened note). Use {@link SignedCheckpoint#parse} for a
   * whole signed note.
   *
   * @throws NoteException if the body has fewer than three lines, an empty line, a size that is not
   *     a decimal number without leading zeros, or a root that is not base64 of 32 bytes
   */
  public static Checkpoint parseBody(String body) {
    if (!body.endsWith("\n")) {
      throw new NoteException("the checkpoint body does not end with a newline");
    }
    String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new NoteException("the checkpoint body has fewer than 3 lines");
    }
    for (String line : lines) {
      if (line.isEmpty()) {
        throw new NoteException("the checkpoint body has an empty line");
      }
    }
    if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
      throw new NoteException("the tree size is not a decimal number without leading zeros");
    }
    long size;
    try {
      size = Long.parseLong(lines[1]);
    } catch (NumberFormatException e) {
      throw new NoteException("the tree size is too large");
    }
    byte[] root = StrictBase64.decode(lines[2]);
    if (root == null || root.length != LeafHash.LENGTH) {
      throw new NoteException("the root hash is not base64 of 32 bytes");
    }
    List<String> extensions = new ArrayList<>(List.of(lines).subList(3, lines.length));
    return new Checkpoint(lines[0], size, new LeafHash(root), extensions);
  }

  private static void requireLine(String line, String what) {
    if (line == null || line.isEmpty()) {
      throw new NoteException(what + " is empty");
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new NoteException(what + " holds a control character");
      }
    }
  }
}
