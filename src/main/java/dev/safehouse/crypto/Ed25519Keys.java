package dev.safehouse.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * RFC 8032 Ed25519 for Tink keysets, computed with BouncyCastle's implementation (constant-time
 * signing, precomputed tables), which is several times faster than Tink's portable one. Ed25519 is
 * deterministic, so the signatures are byte for byte those Tink makes for the same key and message
 * (tests check this); Tink's output prefixes are kept.
 *
 * <p>Only keys whose signatures cover exactly the message qualify (variants NO_PREFIX, TINK and
 * CRUNCHY); for anything else — a LEGACY key, another algorithm — the factories return empty and
 * the caller uses Tink's primitive.
 */
final class Ed25519Keys {
  private static final int SIGNATURE_SIZE = Ed25519.SIGNATURE_SIZE;

  private Ed25519Keys() {}

  /** A primary private key with its public key and Tink output prefix. */
  record Signer(byte[] privateKey, byte[] publicKey, byte[] prefix) {
    /** Returns prefix ‖ the 64-byte signature of {@code message}. */
    byte[] sign(byte[] message) {
      byte[] signature = Arrays.copyOf(prefix, prefix.length + SIGNATURE_SIZE);
      Ed25519.sign(
          privateKey, 0, publicKey, 0, message, 0, message.length, signature, prefix.length);
      return signature;
    }
  }

  /** A keyset's enabled public keys, decoded once. */
  record Verifier(List<Entry> entries) {
    /** One key: its Tink output prefix and its decoded point. */
    record Entry(byte[] prefix, Ed25519.PublicPoint point) {}

    /** True if {@code signature} (with a key's prefix) verifies over {@code message}. */
    boolean verify(byte[] signature, byte[] message) {
      for (Entry entry : entries) {
        int offset = entry.prefix().length;
        if (signature.length == offset + SIGNATURE_SIZE
            && Arrays.equals(signature, 0, offset, entry.prefix(), 0, offset)
            && Ed25519.verify(signature, offset, entry.point(), message, 0, message.length)) {
          return true;
        }
      }
      return false;
    }

    /** True if the bare 64-byte {@code signature} verifies under the primary key. */
    boolean verifyRaw(byte[] signature, byte[] message) {
      return signature.length == SIGNATURE_SIZE
          && Ed25519.verify(signature, 0, entries.get(0).point(), message, 0, message.length);
    }
  }

  /** The signer for the keyset's primary key, if it qualifies. */
  static Optional<Signer> signer(KeysetHandle keyset) {
    if (keyset.getPrimary().getKey() instanceof Ed25519PrivateKey key
        && exact(key.getParameters())) {
      return Optional.of(
          new Signer(
              key.getPrivateKeyBytes().toByteArray(InsecureSecretKeyAccess.get()),
              key.getPublicKey().getPublicKeyBytes().toByteArray(),
              key.getOutputPrefix().toByteArray()));
    }
    return Optional.empty();
  }

  /**
   * The verifier for the keyset's enabled keys (primary first), if every one qualifies and is a
   * valid point.
   */
  static Optional<Verifier> verifier(KeysetHandle keyset) {
    List<Verifier.Entry> entries = new ArrayList<>();
    int primary = -1;
    for (int i = 0; i < keyset.size(); i++) {
      KeysetHandle.Entry entry = keyset.getAt(i);
      if (entry.getStatus() != KeyStatus.ENABLED) {
        continue;
      }
      if (!(entry.getKey() instanceof Ed25519PublicKey key) || !exact(key.getParameters())) {
        return Optional.empty();
      }
      Ed25519.PublicPoint point =
          Ed25519.validatePublicKeyFullExport(key.getPublicKeyBytes().toByteArray(), 0);
      if (point == null) {
        return Optional.empty();
      }
      if (entry.isPrimary()) {
        primary = entries.size();
      }
      entries.add(new Verifier.Entry(key.getOutputPrefix().toByteArray(), point));
    }
    if (primary < 0) {
      return Optional.empty();
    }
    entries.add(0, entries.remove(primary));
    return Optional.of(new Verifier(List.copyOf(entries)));
  }

  private static boolean exact(Ed25519Parameters parameters) {
    return parameters.getVariant() != Ed25519Parameters.Variant.LEGACY;
  }
}
