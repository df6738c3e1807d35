package dev.safehouse.audit;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The right edge of a growing Merkle tree (a compact range over {@code [0, size)}): the hashes of
 * the perfect subtrees that make up the binary decomposition of its size, one per set bit, largest
 * first. With it the log appends leaves and knows its root in memory logarithmic in its size.
 *
 * <p>Every append reports the nodes it completed — the leaf itself at level 0 and each interior
 * node the leaf finished — so that storage persists exactly the nodes {@link MerkleProofs} reads.
 * The frontier of size n consists of stored nodes only ({@link #subtreeIds(long)}), so after a
 * restart it is rebuilt with {@link #restore(MerkleHasher, MerkleNodes, long)}, or from {@link
 * #toBytes()}.
 *
 * <p>Not thread-safe (it holds a {@link MerkleHasher}).
 */
public final class MerkleFrontier {
  private static final int SLOTS = NodeId.MAX_LEVEL + 1;

  private final MerkleHasher hasher;

  /** {@code slots[L]} is the subtree of 2^L leaves, present exactly when bit L of size is set. */
  private final LeafHash[] slots = new LeafHash[SLOTS];

  private long size;

  /** Creates the frontier of the empty tree. */
  public MerkleFrontier(MerkleHasher hasher) {
    this.hasher = Objects.requireNonNull(hasher, "hasher");
  }

  /**
   * Rebuilds a frontier from its subtree hashes.
   *
   * @param size the number of leaves
   * @param subtreeRoots the hashes of the nodes {@link #subtreeIds(long) subtreeIds(size)}, largest
   *     first
   * @throws IllegalArgumentException if the size is negative or the number of hashes is not the
   *     number of set bits in the size
   */
  public static MerkleFrontier restore(
      MerkleHasher hasher, long size, List<LeafHash> subtreeRoots) {
    if (size < 0) {
      throw new IllegalArgumentException("a tree size is not negative");
    }
    if (subtreeRoots.size() != Long.bitCount(size)) {
      throw new IllegalArgumentException(
          "a frontier of size "
              + size
              + " has "
              + Long.bitCount(size)
              + " subtrees, not "
              + subtreeRoots.size());
    }
    MerkleFrontier frontier = new MerkleFrontier(hasher);
    int next = 0;
    for (int level = SLOTS - 1; level >= 0; level--) {
      if ((size & (1L << level)) != 0) {
        frontier.slots[level] = Objects.requireNonNull(subtreeRoots.get(next++), "subtree root");
      }
    }
    frontier.size = size;
    return frontier;
  }

  /**
   * Rebuilds the frontier of tree size {@code size} from stored nodes, with one batch read.
   *
   * @throws IllegalArgumentException if {@code size} is negative or beyond {@code nodes.size()}
   */
  public static MerkleFrontier restore(MerkleHasher hasher, MerkleNodes nodes, long size) {
    if (size > nodes.size()) {
      throw new IllegalArgumentException(
          "tree size " + size + " is beyond the stored size " + nodes.size());
    }
    List<NodeId> ids = subtreeIds(size);
    List<LeafHash> hashes = ids.isEmpty() ? List.of() : nodes.nodes(ids);
    return restore(hasher, size, hashes);
  }

  /**
   * Reads the form written by {@link #toBytes()}.
   *
   * @throws IllegalArgumentException if the bytes are not such a form
   */
  public static MerkleFrontier fromBytes(MerkleHasher hasher, byte[] bytes) {
    if (bytes.length < Long.BYTES || (bytes.length - Long.BYTES) % LeafHash.LENGTH != 0) {
      throw new IllegalArgumentException("a serialised frontier is 8 bytes and whole hashes");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    long size = in.getLong();
    List<LeafHash> roots = new ArrayList<>();
    while (in.hasRemaining()) {
      byte[] hash = new byte[LeafHash.LENGTH];
      in.get(hash);
      roots.add(new LeafHash(hash));
    }
    return restore(hasher, size, roots);
  }

  /**
   * Returns the nodes that make up the frontier of tree size {@code size}: the binary decomposition
   * of {@code [0, size)}, largest first. All are complete, hence stored.
   *
   * @throws IllegalArgumentException if {@code size} is negative
   */
  public static List<NodeId> subtreeIds(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("a tree size is not negative");
    }
    return SubtreeRange.of(0, size).nodes();
  }

  /**
   * Writes the frontier: the size as 8 bytes big-endian, then the {@link #subtreeRoots()} hashes of
   * 32 bytes each, largest first. The hash function is not recorded.
   */
  public byte[] toBytes() {
    List<LeafHash> roots = subtreeRoots();
    ByteBuffer out = ByteBuffer.allocate(Long.BYTES + roots.size() * LeafHash.LENGTH);
    out.putLong(size);
    for (LeafHash root : roots) {
      root.putInto(out);
    }
    return out.array();
  }

  /** Returns the subtree hashes, largest subtree first. */
  public List<LeafHash> subtreeRoots() {
    List<LeafHash> roots = new ArrayList<>(Long.bitCount(size));
    for (int level = SLOTS - 1; level >= 0; level--) {
      if (slots[level] != null) {
        roots.add(slots[level]);
      }
    }
    return roots;
  }

  /** Returns the number of leaves appended. */
  public long size() {
    return size;
  }

  /** Returns the hash function this frontier uses. */
  public MerkleHasher hasher() {
    return hasher;
  }

  /**
   * Returns the tree hash (RFC 9162 §2.1.1 MTH) of the leaves so far; the empty tree's is {@code
   * H()}.
   */
  public LeafHash root() {
    LeafHash root = null;
    for (int level = 0; level < SLOTS; level++) {
      if (slots[level] != null) {
        root = root == null ? slots[level] : hasher.node(slots[level], root);
      }
    }
    return root == null ? hasher.emptyRoot() : root;
  }

  /**
   * Appends a leaf hash.
   *
   * @return the nodes this append completed: the leaf at level 0, then each interior node it
   *     finished, by rising level
   * @throws IllegalStateException if the tree already holds 2^63 - 1 leaves
   */
  public List<MerkleNode> append(LeafHash leaf) {
    List<MerkleNode> completed = new ArrayList<>(2);
    push(leaf, completed);
    return completed;
  }

  /**
   * Appends leaf hashes in order.
   *
   * @return the nodes completed, in the order they were completed
   */
  public List<MerkleNode> appendAll(Collection<LeafHash> leaves) {
    List<MerkleNode> completed = new ArrayList<>(leaves.size() * 2);
    for (LeafHash leaf : leaves) {
      push(leaf, completed);
    }
    return completed;
  }

  /** Appends, adding completed nodes to {@code completed} unless it is null. */
  void push(LeafHash leaf, List<MerkleNode> completed) {
    Objects.requireNonNull(leaf, "leaf");
    if (size == Long.MAX_VALUE) {
      throw new IllegalStateException("a tree holds fewer than 2^63 leaves");
    }
    long index = size;
    if (completed != null) {
      completed.add(new MerkleNode(new NodeId(0, index), leaf));
    }
    LeafHash hash = leaf;
    int level = 0;
    while (slots[level] != null) {
      hash = hasher.node(slots[level], hash);
      slots[level] = null;
      level++;
      if (completed != null) {
        completed.add(new MerkleNode(new NodeId(level, index >> level), hash));
      }
    }
    slots[level] = hash;
    size++;
  }
}
