package dev.safehouse.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The RFC 6962 §2.1 hash functions over SHA-256: leaves are hashed as {@code SHA-256(0x00 ‖ data)},
 * interior nodes as {@code SHA-256(0x01 ‖ left ‖ right)}, and the empty tree as {@code SHA-256()}.
 * The distinct prefixes keep a leaf from being passed off as an interior node.
 *
 * <p>Not thread-safe: each thread uses its own instance.
 */
public final class MerkleHasher {
  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private final MessageDigest sha256;

  /** Creates a hasher. */
  public MerkleHasher() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Returns the root of the empty tree, {@code SHA-256()}. */
  public LeafHash emptyRoot() {
    return new LeafHash(sha256.digest());
  }

  /** Returns {@code SHA-256(0x00 ‖ data)}. */
  public LeafHash leaf(byte[] data) {
    sha256.update(LEAF_PREFIX);
    return new LeafHash(sha256.digest(data));
  }

  /** Returns {@code SHA-256(0x01 ‖ left ‖ right)}. */
  public LeafHash node(LeafHash left, LeafHash right) {
    sha256.update(NODE_PREFIX);
    sha256.update(left.bytes());
    return new LeafHash(sha256.digest(right.bytes()));
  }
}
