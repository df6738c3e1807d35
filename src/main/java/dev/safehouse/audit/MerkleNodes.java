package dev.safehouse.audit;

import java.util.List;
import java.util.function.Function;

/**
 * Read access to the stored hashes of a log's perfect subtrees (see {@link NodeId}), the only nodes
 * storage keeps: every other hash the log needs is folded from them by {@link MerkleProofs}.
 *
 * <p>{@link #nodes} is a batch read so that storage answers a whole proof with one query: {@link
 * MerkleProofs} first works out every {@link NodeId} it needs, asks once, then assembles.
 *
 * <h2>Security guarantees</h2>
 *
 * None of its own: a store that returns wrong hashes yields proofs that fail to verify against the
 * signed roots, which is how auditors notice. Implementations must not return a hash for a node
 * whose leaves are not all in the log.
 */
public interface MerkleNodes {
  /**
   * Returns the number of leaves whose completed nodes can all be read: every node that ends at or
   * below this size is available.
   */
  long size();

  /**
   * Reads the hashes of {@code ids}, in the same order.
   *
   * @param ids distinct nodes, each ending at or below {@link #size()}
   * @return one hash per id, in order
   * @throws IllegalStateException if a node that should be stored is missing (storage is
   *     inconsistent)
   */
  List<LeafHash> nodes(List<NodeId> ids);

  /**
   * Reads one node's hash.
   *
   * @throws IllegalStateException if the node that should be stored is missing
   */
  default LeafHash node(NodeId id) {
    return nodes(List.of(id)).get(0);
  }

  /**
   * Returns the nodes of a tree of {@code size} leaves read through {@code reader}, which must
   * honour {@link #nodes(List)}'s contract.
   */
  static MerkleNodes of(long size, Function<List<NodeId>, List<LeafHash>> reader) {
    return new MerkleNodes() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public List<LeafHash> nodes(List<NodeId> ids) {
        return reader.apply(ids);
      }
    };
  }
}
