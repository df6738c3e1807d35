package dev.safehouse.cli.audit;

import dev.safehouse.audit.Checkpoint;
import dev.safehouse.audit.MerkleHasher;
import dev.safehouse.audit.NoteException;
import dev.safehouse.audit.NoteVerifier;
import dev.safehouse.audit.SignedCheckpoint;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Verifier;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Opens checkpoint notes (C2SP signed notes) served by a Safehouse log, under one log key (Ed25519
 * for suite {@code intl}, SM2 for {@code sm}) whose key name is the checkpoint's own origin.
 *
 * <h2>Security guarantees</h2>
 *
 * A returned checkpoint's body — origin, size, root — was signed byte for byte by the log key, in a
 * signature line whose key name equals that origin and whose key hash matches (name, key). Any
 * origin is accepted: compare {@link Checkpoint#origin()} with the one you expect, if any. Not
 * guaranteed: freshness or append-only history — see {@link ConsistencyCheck}.
 */
public final class CheckpointVerifier {
  private final Verifier logKey;
  private final String keyLabel;

  /**
   * Creates a verifier.
   *
   * @param logKey the log's signing key, e.g. the enclave signing key of a verified attestation
   * @param keyLabel how failures name the key, e.g. {@code "the attested log key"}
   */
  public CheckpointVerifier(Verifier logKey, String keyLabel) {
    this.logKey = Objects.requireNonNull(logKey, "logKey");
    this.keyLabel = Objects.requireNonNull(keyLabel, "keyLabel");
  }

  /**
   * Verifies a checkpoint note and returns the checkpoint.
   *
   * @throws VerificationFailure if the note is not a checkpoint, or carries no signature by the log
   *     key under the checkpoint's origin that verifies
   */
  public Checkpoint verify(String note) {
    if (note == null) {
      throw new VerificationFailure("the checkpoint is missing");
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new VerificationFailure(
          "the checkpoint is malformed: no blank line before its signatures");
    }
    Checkpoint unverified;
    try {
      // Parsed before verification only to learn the key name (the origin); the body is
      // re-read from the verified note below.
      unverified = Checkpoint.parseBody(note.substring(0, split + 1));
    } catch (NoteException e) {
      throw new VerificationFailure("the checkpoint is malformed: " + e.getMessage());
    }
    try {
      return SignedCheckpoint.parse(note, unverified.origin(), logKey);
    } catch (NoteException e) {
      throw new VerificationFailure(
          "checkpoint signature does not verify under " + keyLabel + " (" + e.getMessage() + ")");
    }
  }

  /** Returns the 8-hex-digit key hash of the log key under {@code origin}, for messages. */
  public String keyHash(String origin) {
    return HexFormat.of().toHexDigits(NoteVerifier.of(origin, logKey).keyHash());
  }

  /** Returns the log key's suite: the suite every receipt and proof of this log must use. */
  public CryptoSuite suite() {
    return logKey.suite();
  }

  /** Returns a fresh Merkle hasher of the log key's suite (SHA-256 or SM3). */
  public MerkleHasher hasher() {
    return MerkleHasher.forSuite(logKey.suite());
  }
}
