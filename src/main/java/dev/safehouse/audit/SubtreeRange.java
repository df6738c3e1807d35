package dev.safehouse.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of leaves {@code [begin, end)} whose hash a proof needs. In an RFC 9162 tree every such
 * subtree starts at a multiple of the largest power of two not below its width, so it is the
 * perfect subtrees of its binary decomposition, folded right to left.
 */
record SubtreeRange(long begin, long end) {
  SubtreeRange {
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("a leaf range runs forwards from 0 or above");
    }
  }

  static SubtreeRange of(long begin, long end) {
    return new SubtreeRange(begin, end);
  }

  /** Returns the perfect subtrees covering the range, left to right (largest first here). */
  List<NodeId> nodes() {
    List<NodeId> nodes = new ArrayList<>(Long.bitCount(end - begin));
    long at = begin;
    while (at < end) {
      long width = Long.highestOneBit(end - at);
      if (at != 0) {
        width = Math.min(width, Long.lowestOneBit(at));
      }
      int level = Long.numberOfTrailingZeros(width);
      nodes.add(new NodeId(level, at >> level));
      at += width;
    }
    return nodes;
  }

  /** Folds the hashes of {@link #nodes()}, given in that order, into the range's hash. */
  static LeafHash fold(MerkleHasher hasher, List<LeafHash> hashes) {
    LeafHash hash = hashes.get(hashes.size() - 1);
    for (int i = hashes.size() - 2; i >= 0; i--) {
      hash = hasher.node(hashes.get(i), hash);
    }
    return hash;
  }
}
