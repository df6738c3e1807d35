package dev.safehouse.audit;

import dev.safehouse.crypto.sm.Sm3;
import java.security.MessageDigest;

/**
 * RFC 6962 tree hashing with SM3 (GB/T 32905) in place of SHA-256, for the {@code sm} suite: leaf
 * {@code SM3(0x00 ‖ data)}, node {@code SM3(0x01 ‖ left ‖ right)}, empty tree {@code SM3()}. SM3
 * digests are 32 bytes, so proofs and checkpoints keep their shape. Not thread-safe; cheap to
 * create.
 */
public final class Sm3MerkleHasher implements MerkleHasher {
  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private final MessageDigest sm3 = Sm3.newDigest();

  /** Creates a hasher; prefer {@link MerkleHasher#sm3()}. */
  public Sm3MerkleHasher() {}

  @Override
  public String name() {
    return "sm3";
  }

  @Override
  public LeafHash emptyRoot() {
    return new LeafHash(sm3.digest());
  }

  @Override
  public LeafHash leaf(byte[] data) {
    sm3.update(LEAF_PREFIX);
    return new LeafHash(sm3.digest(data));
  }

  @Override
  public LeafHash node(LeafHash left, LeafHash right) {
    sm3.update(NODE_PREFIX);
    left.feed(sm3);
    right.feed(sm3);
    return new LeafHash(sm3.digest());
  }
}
