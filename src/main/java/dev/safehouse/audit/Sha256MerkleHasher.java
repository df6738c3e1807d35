package dev.safehouse.audit;

import dev.safehouse.common.Sha256;
import java.security.MessageDigest;

/**
 * RFC 6962 hashing over SHA-256. Not thread-safe; cheap to create. Feeds the input hashes to the
 * digest without copying them, since it runs for every leaf of every log and dataset.
 */
public final class Sha256MerkleHasher implements MerkleHasher {
  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private final MessageDigest sha256 = Sha256.newDigest();

  /** Creates a hasher; prefer {@link MerkleHasher#sha256()}. */
  public Sha256MerkleHasher() {}

  @Override
  public String name() {
    return "sha256";
  }

  @Override
  public LeafHash emptyRoot() {
    return new LeafHash(sha256.digest());
  }

  @Override
  public LeafHash leaf(byte[] data) {
    sha256.update(LEAF_PREFIX);
    return new LeafHash(sha256.digest(data));
  }

  @Override
  public LeafHash node(LeafHash left, LeafHash right) {
    sha256.update(NODE_PREFIX);
    left.feed(sha256);
    right.feed(sha256);
    return new LeafHash(sha256.digest());
  }
}
