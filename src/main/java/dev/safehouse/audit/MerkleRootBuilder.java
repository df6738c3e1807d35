package dev.safehouse.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes the RFC 6962 Merkle tree hash of a sequence of leaves as they stream past, in memory
 * logarithmic in the number of leaves: it keeps the roots of the perfect subtrees seen so far (a
 * compact range) and merges them right to left at the end.
 *
 * <p>Used for the input root of a loaded dataset version (one leaf per row, in load order). Not
 * thread-safe.
 */
public final class MerkleRootBuilder {
  private final MerkleHasher hasher = new MerkleHasher();

  /** Roots of perfect subtrees, largest first; {@code heights.get(i)} is the height of entry i. */
  private final List<LeafHash> subtrees = new ArrayList<>();

  private final List<Integer> heights = new ArrayList<>();
  private long size;

  /** Appends a leaf whose data is {@code leafData} (hashed here with the 0x00 prefix). */
  public void addLeafData(byte[] leafData) {
    addLeafHash(hasher.leaf(leafData));
  }

  /** Appends a leaf that is already hashed. */
  public void addLeafHash(LeafHash leaf) {
    LeafHash hash = leaf;
    int height = 0;
    while (!heights.isEmpty() && heights.get(heights.size() - 1) == height) {
      hash = hasher.node(subtrees.remove(subtrees.size() - 1), hash);
      heights.remove(heights.size() - 1);
      height++;
    }
    subtrees.add(hash);
    heights.add(height);
    size++;
  }

  /** Returns how many leaves were added. */
  public long size() {
    return size;
  }

  /**
   * Returns the tree hash of the leaves added so far (RFC 6962 MTH); the empty tree's is {@code
   * SHA-256()}. The builder may be used further afterwards.
   */
  public LeafHash root() {
    if (subtrees.isEmpty()) {
      return hasher.emptyRoot();
    }
    LeafHash root = subtrees.get(subtrees.size() - 1);
    for (int i = subtrees.size() - 2; i >= 0; i--) {
      root = hasher.node(subtrees.get(i), root);
    }
    return root;
  }
}
