package dev.safehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Seeded random trees: generated proofs verify against independently built roots. */
class MerkleProofsPropertyTest {
  private static final MerkleHasher HASHER = MerkleHasher.sha256();

  private static List<LeafHash> randomLeaves(SplittableRandom random, int n) {
    List<LeafHash> leaves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] data = new byte[random.nextInt(48)];
      random.nextBytes(data);
      leaves.add(HASHER.leaf(data));
    }
    return leaves;
  }

  private static InMemoryMerkleNodes log(List<LeafHash> leaves) {
    InMemoryMerkleNodes log = new InMemoryMerkleNodes(MerkleHasher.sha256());
    leaves.forEach(log::append);
    return log;
  }

  private static LeafHash builderRoot(List<LeafHash> leaves, int size) {
    MerkleRootBuilder builder = new MerkleRootBuilder();
    leaves.subList(0, size).forEach(builder::addLeafHash);
    return builder.root();
  }

  @Test
  void proofs_randomTreesAndIndices_verifyAgainstBuilderRoots() {
    SplittableRandom random = new SplittableRandom(9162);
    for (int round = 0; round < 12; round++) {
      int stored = 1 + random.nextInt(4000);
      List<LeafHash> leaves = randomLeaves(random, stored);
      MerkleProofs proofs = new MerkleProofs(log(leaves), MerkleHasher.sha256());
      for (int probe = 0; probe < 40; probe++) {
        int size = 1 + random.nextInt(stored);
        int index = random.nextInt(size);
        LeafHash root = builderRoot(leaves, size);
        assertThat(proofs.root(size)).isEqualTo(root);
        InclusionProof inclusion = proofs.inclusion(index, size);
        inclusion.verify(leaves.get(index), root);
        int first = 1 + random.nextInt(size);
        ConsistencyProof consistency = proofs.consistency(first, size);
        consistency.verify(builderRoot(leaves, first), root);
        if (first < size) {
          assertThatThrownBy(() -> consistency.verify(root, builderRoot(leaves, first)))
              .isInstanceOf(ProofException.class);
        }
      }
    }
  }

  @Test
  void proofs_everyRequest_readsOnceAndFewNodes() {
    AtomicInteger batches = new AtomicInteger();
    AtomicInteger reads = new AtomicInteger();
    MerkleNodes counting =
        new MerkleNodes() {
          final InMemoryMerkleNodes inner = log(randomLeaves(new SplittableRandom(1), 3000));

          @Override
          public long size() {
            return inner.size();
          }

          @Override
          public List<LeafHash> nodes(List<NodeId> ids) {
            batches.incrementAndGet();
            reads.addAndGet(ids.size());
            return inner.nodes(ids);
          }
        };
    MerkleProofs proofs = new MerkleProofs(counting, HASHER);
    proofs.inclusion(2999, 3000);
    assertThat(batches.get()).isEqualTo(1);
    proofs.consistency(1234, 2999);
    assertThat(batches.get()).isEqualTo(2);
    assertThat(reads.get()).isLessThanOrEqualTo(2 * 2 * 12);
  }

  @Test
  void nodePlans_aMillionLeaves_needLogarithmicallyManyNodes() {
    long n = 1_000_000;
    SplittableRandom random = new SplittableRandom(42);
    int worst = 0;
    for (int i = 0; i < 2000; i++) {
      long size = 1 + random.nextLong(n);
      long index = random.nextLong(size);
      long first = 1 + random.nextLong(size);
      worst = Math.max(worst, MerkleProofs.inclusionNodes(index, size).size());
      worst = Math.max(worst, MerkleProofs.consistencyNodes(first, size).size());
      worst = Math.max(worst, MerkleProofs.rootNodes(size).size());
    }
    // log2(10^6) < 20; a proof's distinct nodes are its complete siblings plus the decomposition
    // of the ragged right edge, so at most about 2·log2 n.
    assertThat(worst).isLessThanOrEqualTo(40);
    assertThat(MerkleProofs.inclusionNodes(999_999, 1_000_000)).hasSizeLessThanOrEqualTo(40);
  }

  @Test
  void frontier_completedNodes_equalHashesRecomputedFromLeaves() {
    SplittableRandom random = new SplittableRandom(6962);
    List<LeafHash> leaves = randomLeaves(random, 1500);
    ReferenceMerkleTree reference = new ReferenceMerkleTree(HASHER, leaves);
    MerkleFrontier frontier = new MerkleFrontier(MerkleHasher.sha256());
    int reported = 0;
    for (int i = 0; i < leaves.size(); i++) {
      List<MerkleNode> completed = frontier.append(leaves.get(i));
      assertThat(completed.get(0)).isEqualTo(new MerkleNode(new NodeId(0, i), leaves.get(i)));
      assertThat(completed).hasSize(1 + Long.numberOfTrailingZeros(i + 1L));
      for (MerkleNode node : completed) {
        NodeId id = node.id();
        assertThat(id.endLeaf()).isEqualTo(i + 1L);
        assertThat(node.hash()).isEqualTo(reference.hash((int) id.firstLeaf(), (int) id.endLeaf()));
        reported++;
      }
    }
    // A tree of n leaves has 2n - popcount(n) perfect subtrees.
    assertThat(reported).isEqualTo(2 * 1500 - Integer.bitCount(1500));
  }

  @Test
  void frontier_appendAll_reportsTheSameNodesAsSingleAppends() {
    List<LeafHash> leaves = randomLeaves(new SplittableRandom(3), 300);
    MerkleFrontier one = new MerkleFrontier(HASHER);
    List<MerkleNode> single = new ArrayList<>();
    leaves.forEach(leaf -> single.addAll(one.append(leaf)));
    MerkleFrontier batch = new MerkleFrontier(MerkleHasher.sha256());
    List<MerkleNode> batched = new ArrayList<>(batch.appendAll(leaves.subList(0, 100)));
    batched.addAll(batch.appendAll(leaves.subList(100, 300)));
    assertThat(batched).isEqualTo(single);
    assertThat(batch.root()).isEqualTo(one.root());
  }

  @Test
  void frontier_restoredEveryWay_continuesWithTheSameRoots() {
    SplittableRandom random = new SplittableRandom(77);
    List<LeafHash> leaves = randomLeaves(random, 2100);
    InMemoryMerkleNodes log = log(leaves);
    for (int round = 0; round < 25; round++) {
      int size = random.nextInt(2000);
      MerkleFrontier original = new MerkleFrontier(HASHER);
      original.appendAll(leaves.subList(0, size));
      List<MerkleFrontier> restored =
          List.of(
              MerkleFrontier.fromBytes(MerkleHasher.sha256(), original.toBytes()),
              MerkleFrontier.restore(MerkleHasher.sha256(), size, original.subtreeRoots()),
              MerkleFrontier.restore(MerkleHasher.sha256(), log, size));
      assertThat(original.toBytes()).hasSize(8 + 32 * Integer.bitCount(size));
      for (MerkleFrontier frontier : restored) {
        assertThat(frontier.size()).isEqualTo(size);
        assertThat(frontier.root()).isEqualTo(original.root());
        List<MerkleNode> completed = frontier.appendAll(leaves.subList(size, size + 100));
        MerkleFrontier fresh = new MerkleFrontier(HASHER);
        List<MerkleNode> all = fresh.appendAll(leaves.subList(0, size + 100));
        assertThat(all).endsWith(completed.toArray(MerkleNode[]::new));
        assertThat(frontier.root()).isEqualTo(builderRoot(leaves, size + 100));
      }
    }
  }

  @Test
  void frontier_malformedRestores_areRefused() {
    assertThatThrownBy(() -> MerkleFrontier.restore(HASHER, 3, List.of(HASHER.emptyRoot())))
        .hasMessage("a frontier of size 3 has 2 subtrees, not 1");
    assertThatThrownBy(() -> MerkleFrontier.fromBytes(HASHER, new byte[7]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleFrontier.fromBytes(HASHER, new byte[8 + 31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleFrontier.restore(HASHER, -1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MerkleFrontier.fromBytes(HASHER, new byte[8]).root()).isEqualTo(HASHER.emptyRoot());
  }

  @Test
  void frontier_subtreeIds_areTheBinaryDecomposition() {
    assertThat(MerkleFrontier.subtreeIds(13))
        .containsExactly(new NodeId(3, 0), new NodeId(2, 2), new NodeId(0, 12));
    assertThat(MerkleFrontier.subtreeIds(0)).isEmpty();
  }
}
