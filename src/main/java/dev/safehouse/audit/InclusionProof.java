package dev.safehouse.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A proof that a leaf is at {@code leafIndex} in the tree of {@code treeSize} leaves (RFC 9162
 * §2.1.3): the hashes of the siblings on the way from the leaf to the root, nearest the leaf first.
 *
 * <p>A proof that exists has the right shape: the constructor refuses an index at or beyond the
 * size and a path of the wrong length, so {@link #verify} only has the hashes left to check.
 *
 * <h2>Security guarantees</h2>
 *
 * If {@link #verify} returns, the leaf hash is at {@code leafIndex} of the tree whose root is the
 * expected root, unless the hash function is broken. Not guaranteed: that the root is the log's —
 * check its signed checkpoint for that — or anything about the leaf's data.
 *
 * @param leafIndex the leaf's position, from 0
 * @param treeSize the number of leaves of the tree the proof is for
 * @param path the sibling hashes, leaf end first
 */
public record InclusionProof(long leafIndex, long treeSize, List<LeafHash> path) {
  /**
   * Checks the proof's shape and copies the path.
   *
   * @throws ProofException if the index is negative or not below the size, or the path has not the
   *     number of hashes a tree of that size needs for that index
   */
  public InclusionProof {
    if (leafIndex < 0) {
      throw new ProofException("a leaf index is not negative");
    }
    if (leafIndex >= treeSize) {
      throw new ProofException("index " + leafIndex + " is not below tree size " + treeSize);
    }
    if (path == null || path.stream().anyMatch(Objects::isNull)) {
      throw new ProofException("an inclusion proof needs its hashes");
    }
    path = List.copyOf(path);
    int needed = ProofShape.inclusion(leafIndex, treeSize).length();
    if (path.size() != needed) {
      throw new ProofException(
          "proof has "
              + path.size()
              + " hashes, a tree of size "
              + treeSize
              + " needs "
              + needed
              + " for index "
              + leafIndex);
    }
  }

  /**
   * Builds a proof from received bytes.
   *
   * @throws ProofException if a hash is not 32 bytes or the shape is wrong (see the constructor)
   */
  public static InclusionProof of(long leafIndex, long treeSize, List<byte[]> path) {
    return new InclusionProof(leafIndex, treeSize, hashes(path));
  }

  /**
   * Returns the root this proof implies for {@code leaf} (RFC 9162 §2.1.3.2 without the final
   * comparison).
   */
  public LeafHash rootFrom(LeafHash leaf, MerkleHasher hasher) {
    ProofShape shape = ProofShape.inclusion(leafIndex, treeSize);
    LeafHash hash = leaf;
    for (int i = 0; i < shape.inner(); i++) {
      hash =
          ((leafIndex >>> i) & 1) == 0
              ? hasher.node(hash, path.get(i))
              : hasher.node(path.get(i), hash);
    }
    for (int i = shape.inner(); i < path.size(); i++) {
      hash = hasher.node(path.get(i), hash);
    }
    return hash;
  }

  /**
   * Checks that {@code leaf} is at {@link #leafIndex()} in the tree whose root is {@code
   * expectedRoot}.
   *
   * @throws ProofException if the root computed from the proof differs from {@code expectedRoot}
   */
  public void verify(LeafHash leaf, LeafHash expectedRoot, MerkleHasher hasher) {
    if (!rootFrom(leaf, hasher).equals(expectedRoot)) {
      throw new ProofException("computed root differs from the expected root");
    }
  }

  /** As {@link #verify(LeafHash, LeafHash, MerkleHasher)} over SHA-256. */
  public void verify(LeafHash leaf, LeafHash expectedRoot) {
    verify(leaf, expectedRoot, MerkleHasher.sha256());
  }

  static List<LeafHash> hashes(List<byte[]> path) {
    if (path == null) {
      throw new ProofException("a proof needs its hashes");
    }
    List<LeafHash> hashes = new ArrayList<>(path.size());
    for (byte[] bytes : path) {
      hashes.add(LeafHash.fromUntrusted(bytes, "a hash"));
    }
    return hashes;
  }
}
