package dev.safehouse.audit;

import dev.safehouse.crypto.Verifier;

/**
 * Opens checkpoints received as signed notes: first the note's signature by the expected key, then
 * the checkpoint body it covers.
 *
 * <h2>Security guarantees</h2>
 *
 * A returned checkpoint's body was signed, byte for byte, by the expected key. Not guaranteed: that
 * the origin is the log you meant — compare {@link Checkpoint#origin()} — or that it is fresh.
 */
public final class SignedCheckpoint {
  private SignedCheckpoint() {}

  /**
   * Verifies a checkpoint note and returns the checkpoint.
   *
   * @throws NoteException if the note is malformed, has no valid signature by {@code verifier}, or
   *     its body is not a checkpoint
   */
  public static Checkpoint parse(String noteText, NoteVerifier verifier) {
    return Checkpoint.parseBody(SignedNote.open(noteText, verifier));
  }

  /**
   * Verifies a checkpoint note signed with {@code key} (Ed25519 or SM2, by its suite) under {@code
   * keyName}.
   *
   * @throws NoteException as {@link #parse(String, NoteVerifier)}
   */
  public static Checkpoint parse(String noteText, String keyName, Verifier key) {
    return parse(noteText, NoteVerifier.of(keyName, key));
  }
}
