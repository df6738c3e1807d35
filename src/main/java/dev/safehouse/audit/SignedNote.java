package dev.safehouse.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * C2SP signed notes (signed-note.md): text, a blank line, then signature lines {@code "— <key name>
 * <base64(4-byte key hash ‖ signature)>\n"} (U+2014 EM DASH, a space).
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #open} returns text only if the note is well formed and carries exactly one signature by
 * the expected key (name and key hash) that verifies over exactly that text. Signature lines of
 * other keys must be well formed but are not checked. Not guaranteed: anything about what the text
 * says — parse it (e.g. {@link Checkpoint#parseBody}) after opening, never before.
 */
public final class SignedNote {
  /** Largest note accepted, in UTF-8 bytes. */
  public static final int MAX_NOTE_BYTES = 1 << 20;

  /** Most signature lines accepted on one note. */
  public static final int MAX_SIGNATURES = 100;

  private static final String DASH = "\u2014 ";

  private SignedNote() {}

  /**
   * Signs {@code text} and returns the note: the text, a blank line and one signature line.
   *
   * @throws NoteException if the text is empty, does not end with a newline, or holds control
   *     characters other than newline
   */
  public static String sign(String text, NoteSigner signer) {
    checkText(text);
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new NoteException("note text is not empty and ends with a newline");
    }
    byte[] signature = signer.sign(text.getBytes(StandardCharsets.UTF_8));
    byte[] tagged =
        ByteBuffer.allocate(4 + signature.length).putInt(signer.keyHash()).put(signature).array();
    return text
        + "\n"
        + DASH
        + signer.keyName()
        + " "
        + Base64.getEncoder().encodeToString(tagged)
        + "\n";
  }

  /**
   * Checks a note and returns its verified text (ending with a newline, without the blank line).
   *
   * @throws NoteException if the note is too large, malformed (no blank line before the signatures,
   *     a signature line that is not {@code — name base64} with at least 5 bytes, control
   *     characters), has more than {@value #MAX_SIGNATURES} signatures, has no or two signatures by
   *     the expected key, or that signature does not verify
   */
  public static String open(String note, NoteVerifier verifier) {
    if (note == null) {
      throw new NoteException("the note is missing");
    }
    if (note.length() > MAX_NOTE_BYTES
        || note.getBytes(StandardCharsets.UTF_8).length > MAX_NOTE_BYTES) {
      throw new NoteException("the note is larger than 1 MiB");
    }
    checkText(note);
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new NoteException("the note has no blank line before its signatures");
    }
    String text = note.substring(0, split + 1);
    String signatures = note.substring(split + 2);
    if (signatures.isEmpty() || !signatures.endsWith("\n")) {
      throw new NoteException("the note's signature lines do not end with a newline");
    }
    String[] lines = signatures.substring(0, signatures.length() - 1).split("\n", -1);
    if (lines.length > MAX_SIGNATURES) {
      throw new NoteException("the note has more than " + MAX_SIGNATURES + " signatures");
    }
    byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
    boolean verified = false;
    for (int i = 0; i < lines.length; i++) {
      SignatureLine line = SignatureLine.parse(lines[i], i + 1);
      if (!line.keyName().equals(verifier.keyName()) || line.keyHash() != verifier.keyHash()) {
        continue;
      }
      if (verified) {
        throw new NoteException("the note has two signatures by key " + verifier.keyName());
      }
      if (!verifier.verify(textBytes, line.signature())) {
        throw new NoteException("the signature by key " + verifier.keyName() + " does not verify");
      }
      verified = true;
    }
    if (!verified) {
      throw new NoteException(
          "the note has no signature by key "
              + verifier.keyName()
              + " with key hash "
              + HexFormat.of().toHexDigits(verifier.keyHash()));
    }
    return text;
  }

  /** Refuses control characters other than newline and unpaired surrogates. */
  private static void checkText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n') || c == 0x7f) {
        throw new NoteException("the note holds a control character other than newline");
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          throw new NoteException("the note is not valid Unicode text");
        }
      }
    }
  }

  /** One {@code — name base64} line. */
  private record SignatureLine(String keyName, int keyHash, byte[] signature) {
    static SignatureLine parse(String line, int number) {
      String malformed = "signature line " + number + " is not '— <key name> <base64>'";
      if (!line.startsWith(DASH)) {
        throw new NoteException(malformed);
      }
      String rest = line.substring(DASH.length());
      int space = rest.indexOf(' ');
      if (space < 0 || rest.indexOf(' ', space + 1) >= 0) {
        throw new NoteException(malformed);
      }
      String name = rest.substring(0, space);
      byte[] bytes = StrictBase64.decode(rest.substring(space + 1));
      if (!NoteKeyName.isValid(name) || bytes == null) {
        throw new NoteException(malformed);
      }
      if (bytes.length < 5) {
        throw new NoteException(
            "signature line " + number + " is shorter than a key hash and a signature");
      }
      ByteBuffer in = ByteBuffer.wrap(bytes);
      int keyHash = in.getInt();
      byte[] signature = new byte[in.remaining()];
      in.get(signature);
      return new SignatureLine(name, keyHash, signature);
    }
  }
}
