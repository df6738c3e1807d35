package dev.safehouse.audit;

/**
 * Computes the RFC 6962 Merkle tree hash of a sequence of leaves as they stream past, in memory
 * logarithmic in the number of leaves: a {@link MerkleFrontier} that does not report completed
 * nodes.
 *
 * <p>Used for the input root of a loaded dataset version (one leaf per row, in load order). Not
 * thread-safe.
 */
public final class MerkleRootBuilder {
  private final MerkleFrontier frontier;

  /** Creates a builder over SHA-256. */
  public MerkleRootBuilder() {
    this(MerkleHasher.sha256());
  }

  /** Creates a builder over {@code hasher}, which it then owns. */
  public MerkleRootBuilder(MerkleHasher hasher) {
    frontier = new MerkleFrontier(hasher);
  }

  /** Appends a leaf whose data is {@code leafData} (hashed here with the 0x00 prefix). */
  public void addLeafData(byte[] leafData) {
    frontier.push(frontier.hasher().leaf(leafData), null);
  }

  /** Appends a leaf that is already hashed. */
  public void addLeafHash(LeafHash leaf) {
    frontier.push(leaf, null);
  }

  /** Returns how many leaves were added. */
  public long size() {
    return frontier.size();
  }

  /**
   * Returns the tree hash of the leaves added so far (RFC 6962 MTH); the empty tree's is {@code
   * H()}. The builder may be used further afterwards.
   */
  public LeafHash root() {
    return frontier.root();
  }
}
