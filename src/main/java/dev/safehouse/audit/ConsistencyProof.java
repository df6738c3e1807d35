package dev.safehouse.audit;

import java.util.List;
import java.util.Objects;

/**
 * A proof that the tree of {@code firstSize} leaves is a prefix of the tree of {@code secondSize}
 * leaves (RFC 9162 §2.1.4): an append-only log never rewrote history between the two.
 *
 * <p>A proof that exists has the right shape: the constructor refuses size 0 (consistency with the
 * empty tree is trivially true and proves nothing), a first size beyond the second, and a path of
 * the wrong length, so {@link #verify} only has the hashes left to check.
 *
 * <h2>Security guarantees</h2>
 *
 * If {@link #verify} returns, every leaf of the first tree is at the same position in the second,
 * unless the hash function is broken. Not guaranteed: that either root is the log's — check the
 * signed checkpoints for that.
 *
 * @param firstSize the size of the older tree, at least 1
 * @param secondSize the size of the newer tree, at least {@code firstSize}
 * @param path the proof hashes in RFC 9162 order
 */
public record ConsistencyProof(long firstSize, long secondSize, List<LeafHash> path) {
  /**
   * Checks the proof's shape and copies the path.
   *
   * @throws ProofException if the first size is 0 or above the second, or the path has not the
   *     number of hashes the two sizes need
   */
  public ConsistencyProof {
    if (firstSize == 0) {
      throw new ProofException("consistency from size 0 is not defined");
    }
    if (firstSize < 0) {
      throw new ProofException("a tree size is not negative");
    }
    if (firstSize > secondSize) {
      throw new ProofException("first size " + firstSize + " is above second size " + secondSize);
    }
    if (path == null || path.stream().anyMatch(Objects::isNull)) {
      throw new ProofException("a consistency proof needs its hashes");
    }
    path = List.copyOf(path);
    if (firstSize == secondSize && !path.isEmpty()) {
      throw new ProofException("sizes are equal but the proof is not empty");
    }
    int needed = expectedLength(firstSize, secondSize);
    if (path.size() != needed) {
      throw new ProofException(
          "proof has "
              + path.size()
              + " hashes, consistency from size "
              + firstSize
              + " to size "
              + secondSize
              + " needs "
              + needed);
    }
  }

  /**
   * Builds a proof from received bytes.
   *
   * @throws ProofException if a hash is not 32 bytes or the shape is wrong (see the constructor)
   */
  public static ConsistencyProof of(long firstSize, long secondSize, List<byte[]> path) {
    return new ConsistencyProof(firstSize, secondSize, InclusionProof.hashes(path));
  }

  /**
   * Checks that the tree with root {@code firstRoot} is a prefix of the tree with root {@code
   * secondRoot} (RFC 9162 §2.1.4.2, in transparency-dev/merkle's formulation).
   *
   * @throws ProofException if a computed root differs from the expected one
   */
  public void verify(LeafHash firstRoot, LeafHash secondRoot, MerkleHasher hasher) {
    if (firstSize == secondSize) {
      if (!firstRoot.equals(secondRoot)) {
        throw new ProofException("sizes are equal but the roots differ");
      }
      return;
    }
    int shift = Long.numberOfTrailingZeros(firstSize);
    ProofShape shape = ProofShape.inclusion(firstSize - 1, secondSize);
    int inner = shape.inner() - shift;
    // A first tree of exactly 2^shift leaves is itself the seed subtree; otherwise the proof
    // starts with that subtree's hash.
    boolean seedIsFirstRoot = firstSize == 1L << shift;
    LeafHash seed = seedIsFirstRoot ? firstRoot : path.get(0);
    int start = seedIsFirstRoot ? 0 : 1;
    long mask = (firstSize - 1) >>> shift;

    LeafHash first = seed;
    LeafHash second = seed;
    for (int i = 0; i < inner; i++) {
      LeafHash sibling = path.get(start + i);
      if (((mask >>> i) & 1) == 1) {
        first = hasher.node(sibling, first);
        second = hasher.node(sibling, second);
      } else {
        second = hasher.node(second, sibling);
      }
    }
    for (int i = start + inner; i < path.size(); i++) {
      first = hasher.node(path.get(i), first);
      second = hasher.node(path.get(i), second);
    }
    if (!first.equals(firstRoot)) {
      throw new ProofException("computed first root differs from the expected first root");
    }
    if (!second.equals(secondRoot)) {
      throw new ProofException("computed second root differs from the expected second root");
    }
  }

  /** As {@link #verify(LeafHash, LeafHash, MerkleHasher)} over SHA-256. */
  public void verify(LeafHash firstRoot, LeafHash secondRoot) {
    verify(firstRoot, secondRoot, MerkleHasher.sha256());
  }

  /** Requires {@code 0 < firstSize <= secondSize}. */
  private static int expectedLength(long firstSize, long secondSize) {
    if (firstSize == secondSize) {
      return 0;
    }
    int shift = Long.numberOfTrailingZeros(firstSize);
    ProofShape shape = ProofShape.inclusion(firstSize - 1, secondSize);
    int start = firstSize == 1L << shift ? 0 : 1;
    return start + shape.inner() - shift + shape.border();
  }
}
