package dev.safehouse.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A whole Merkle log in memory: appends leaf hashes through a {@link MerkleFrontier} and keeps
 * every node it completes. For tests, the offline verifier and small logs; storage-backed logs
 * implement {@link MerkleNodes} over their tables instead.
 *
 * <p>Not thread-safe.
 */
public final class InMemoryMerkleNodes implements MerkleNodes {
  private final MerkleFrontier frontier;

  /** {@code levels.get(L).get(i)} is the node (L, i). */
  private final List<List<LeafHash>> levels = new ArrayList<>();

  /** Creates an empty log hashing with {@code hasher}. */
  public InMemoryMerkleNodes(MerkleHasher hasher) {
    frontier = new MerkleFrontier(hasher);
  }

  /** Appends a leaf hash and keeps the nodes it completes. */
  public void append(LeafHash leaf) {
    for (MerkleNode node : frontier.append(leaf)) {
      while (levels.size() <= node.id().level()) {
        levels.add(new ArrayList<>());
      }
      levels.get(node.id().level()).add(node.hash());
    }
  }

  /** Returns the root of the whole log. */
  public LeafHash root() {
    return frontier.root();
  }

  @Override
  public long size() {
    return frontier.size();
  }

  @Override
  public List<LeafHash> nodes(List<NodeId> ids) {
    List<LeafHash> hashes = new ArrayList<>(ids.size());
    for (NodeId id : Objects.requireNonNull(ids, "ids")) {
      if (id.level() >= levels.size() || id.index() >= levels.get(id.level()).size()) {
        throw new IllegalStateException("node " + id + " is not complete");
      }
      hashes.add(levels.get(id.level()).get((int) id.index()));
    }
    return hashes;
  }
}
