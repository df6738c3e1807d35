package dev.safehouse.audit;

import java.util.Objects;

/**
 * A completed node: the hash of the perfect subtree at {@code id}, as storage keeps it.
 *
 * @param id where the node is
 * @param hash its hash (for level 0, the leaf hash)
 */
public record MerkleNode(NodeId id, LeafHash hash) {
  /** Checks that both parts are present. */
  public MerkleNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(hash, "hash");
  }
}
