package dev.safehouse.audit;

/**
 * The address of a perfect (complete) subtree of a Merkle tree: the node at {@code level} L and
 * {@code index} i covers the 2^L leaves {@code [i·2^L, (i+1)·2^L)}. Level 0 addresses the leaf
 * hashes themselves. A node's hash never changes once the log holds all its leaves, so storage
 * keeps it under this address.
 *
 * @param level the height above the leaves, 0 to 62
 * @param index the position among the nodes of that level, counted from 0
 */
public record NodeId(int level, long index) {
  /** Highest level a node may have: a tree holds fewer than 2^63 leaves. */
  public static final int MAX_LEVEL = 62;

  /**
   * Checks the address.
   *
   * @throws IllegalArgumentException if the level is outside 0..62, the index is negative, or the
   *     node would end beyond leaf 2^63 - 1
   */
  public NodeId {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("a node level is between 0 and " + MAX_LEVEL);
    }
    if (index < 0 || index > (Long.MAX_VALUE >> level) - 1) {
      throw new IllegalArgumentException("a node index is not negative and ends below 2^63");
    }
  }

  /** Returns the index of the first leaf the node covers, {@code index · 2^level}. */
  public long firstLeaf() {
    return index << level;
  }

  /** Returns the index just past the last leaf the node covers, {@code (index + 1) · 2^level}. */
  public long endLeaf() {
    return (index + 1) << level;
  }

  /** Compares level and index (written out: proof assembly looks nodes up millions of times). */
  @Override
  public boolean equals(Object other) {
    return other instanceof NodeId that && level == that.level && index == that.index;
  }

  /**
   * Spreads (level, index) over all 32 bits: the default record hash collides for neighbouring
   * nodes on adjacent levels, which are exactly what proofs and batches put in one map.
   */
  @Override
  public int hashCode() {
    long mixed = (index + 1) * 0x9E3779B97F4A7C15L ^ (long) level * 0xC2B2AE3D27D4EB4FL;
    return (int) (mixed ^ (mixed >>> 32));
  }
}
