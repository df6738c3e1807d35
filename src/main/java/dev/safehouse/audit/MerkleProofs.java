package dev.safehouse.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Generates roots, inclusion proofs and consistency proofs (RFC 9162 §2.1.3.1, §2.1.4.1) for any
 * tree size up to the stored size, from stored perfect-subtree hashes only.
 *
 * <p>A proof hash may be that of an incomplete subtree on the right edge of the tree; it is folded
 * from the perfect subtrees it decomposes into, which are a suffix of the tree size's binary
 * decomposition. Each call therefore reads O(log n) distinct nodes, in <b>one</b> {@link
 * MerkleNodes#nodes} batch: it first plans the {@link NodeId}s (also available through {@link
 * #rootNodes}, {@link #inclusionNodes}, {@link #consistencyNodes}), then fetches, then assembles.
 *
 * <p>Not thread-safe (it holds a {@link MerkleHasher}); cheap to create per request.
 */
public final class MerkleProofs {
  private final MerkleNodes nodes;
  private final MerkleHasher hasher;

  /** Creates a generator over {@code nodes}, hashing with {@code hasher}. */
  public MerkleProofs(MerkleNodes nodes, MerkleHasher hasher) {
    this.nodes = Objects.requireNonNull(nodes, "nodes");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
  }

  /**
   * Returns the root of the tree of the first {@code treeSize} leaves.
   *
   * @throws ProofException if the size is negative or beyond the stored size
   */
  public LeafHash root(long treeSize) {
    checkStored(treeSize);
    if (treeSize == 0) {
      return hasher.emptyRoot();
    }
    return assemble(List.of(SubtreeRange.of(0, treeSize))).get(0);
  }

  /**
   * Returns the proof that leaf {@code leafIndex} is in the tree of {@code treeSize} leaves.
   *
   * @throws ProofException if not {@code 0 <= leafIndex < treeSize <= stored size}
   */
  public InclusionProof inclusion(long leafIndex, long treeSize) {
    checkStored(treeSize);
    checkIndex(leafIndex, treeSize);
    return new InclusionProof(leafIndex, treeSize, assemble(inclusionRanges(leafIndex, treeSize)));
  }

  /**
   * Returns the proof that the tree of {@code firstSize} leaves is a prefix of the tree of {@code
   * secondSize} leaves; empty when the sizes are equal.
   *
   * @throws ProofException if not {@code 0 < firstSize <= secondSize <= stored size}
   */
  public ConsistencyProof consistency(long firstSize, long secondSize) {
    checkStored(secondSize);
    checkSizes(firstSize, secondSize);
    return new ConsistencyProof(
        firstSize, secondSize, assemble(consistencyRanges(firstSize, secondSize)));
  }

  /** Returns the nodes {@link #root(long)} reads, in the order it asks for them. */
  public static List<NodeId> rootNodes(long treeSize) {
    if (treeSize < 0) {
      throw new ProofException("a tree size is not negative");
    }
    return SubtreeRange.of(0, treeSize).nodes();
  }

  /** Returns the distinct nodes {@link #inclusion} reads, in the order it asks for them. */
  public static List<NodeId> inclusionNodes(long leafIndex, long treeSize) {
    checkIndex(leafIndex, treeSize);
    return distinctNodes(inclusionRanges(leafIndex, treeSize));
  }

  /** Returns the distinct nodes {@link #consistency} reads, in the order it asks for them. */
  public static List<NodeId> consistencyNodes(long firstSize, long secondSize) {
    checkSizes(firstSize, secondSize);
    return distinctNodes(consistencyRanges(firstSize, secondSize));
  }

  /** RFC 9162 §2.1.3.1 PATH(m, D[n]), iteratively; the result is leaf end first. */
  private static List<SubtreeRange> inclusionRanges(long leafIndex, long treeSize) {
    List<SubtreeRange> topDown = new ArrayList<>();
    long lo = 0;
    long hi = treeSize;
    while (hi - lo > 1) {
      long k = Long.highestOneBit(hi - lo - 1);
      if (leafIndex < lo + k) {
        topDown.add(SubtreeRange.of(lo + k, hi));
        hi = lo + k;
      } else {
        topDown.add(SubtreeRange.of(lo, lo + k));
        lo = lo + k;
      }
    }
    Collections.reverse(topDown);
    return topDown;
  }

  /** RFC 9162 §2.1.4.1 SUBPROOF(m, D[n], true), iteratively. */
  private static List<SubtreeRange> consistencyRanges(long firstSize, long secondSize) {
    List<SubtreeRange> topDown = new ArrayList<>();
    long lo = 0;
    long hi = secondSize;
    boolean startFromOldRoot = true;
    while (firstSize != hi) {
      long k = Long.highestOneBit(hi - lo - 1);
      if (firstSize - lo <= k) {
        topDown.add(SubtreeRange.of(lo + k, hi));
        hi = lo + k;
      } else {
        topDown.add(SubtreeRange.of(lo, lo + k));
        lo = lo + k;
        startFromOldRoot = false;
      }
    }
    List<SubtreeRange> ranges = new ArrayList<>(topDown.size() + 1);
    // SUBPROOF(m, D[m], b): nothing when this subtree is the old tree itself, else its hash.
    if (!startFromOldRoot) {
      ranges.add(SubtreeRange.of(lo, hi));
    }
    Collections.reverse(topDown);
    ranges.addAll(topDown);
    return ranges;
  }

  private static List<NodeId> distinctNodes(List<SubtreeRange> ranges) {
    Set<NodeId> ids = new LinkedHashSet<>();
    for (SubtreeRange range : ranges) {
      ids.addAll(range.nodes());
    }
    return new ArrayList<>(ids);
  }

  /** Reads every node the ranges need in one batch, then folds each range's hash. */
  private List<LeafHash> assemble(List<SubtreeRange> ranges) {
    List<NodeId> ids = distinctNodes(ranges);
    if (ids.isEmpty()) {
      return List.of();
    }
    List<LeafHash> fetched = nodes.nodes(ids);
    if (fetched.size() != ids.size()) {
      throw new IllegalStateException(
          "storage returned " + fetched.size() + " node hashes for " + ids.size() + " nodes");
    }
    Map<NodeId, LeafHash> byId = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      byId.put(ids.get(i), Objects.requireNonNull(fetched.get(i), "stored node hash"));
    }
    List<LeafHash> hashes = new ArrayList<>(ranges.size());
    for (SubtreeRange range : ranges) {
      List<NodeId> parts = range.nodes();
      List<LeafHash> partHashes = new ArrayList<>(parts.size());
      for (NodeId part : parts) {
        partHashes.add(byId.get(part));
      }
      hashes.add(SubtreeRange.fold(hasher, partHashes));
    }
    return hashes;
  }

  private void checkStored(long treeSize) {
    if (treeSize < 0) {
      throw new ProofException("a tree size is not negative");
    }
    long stored = nodes.size();
    if (treeSize > stored) {
      throw new ProofException("tree size " + treeSize + " is beyond the log's size " + stored);
    }
  }

  private static void checkIndex(long leafIndex, long treeSize) {
    if (leafIndex < 0) {
      throw new ProofException("a leaf index is not negative");
    }
    if (leafIndex >= treeSize) {
      throw new ProofException("index " + leafIndex + " is not below tree size " + treeSize);
    }
  }

  private static void checkSizes(long firstSize, long secondSize) {
    if (firstSize == 0) {
      throw new ProofException("consistency from size 0 is not defined");
    }
    if (firstSize < 0) {
      throw new ProofException("a tree size is not negative");
    }
    if (firstSize > secondSize) {
      throw new ProofException("first size " + firstSize + " is above second size " + secondSize);
    }
  }
}
