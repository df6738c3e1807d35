package dev.safehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each way a proof or a proof request can be wrong, and the plain words that say so. */
class ProofErrorsTest {
  private static final MerkleHasher HASHER = MerkleHasher.sha256();
  private static final LeafHash H = HASHER.leaf(new byte[] {1});

  private static List<LeafHash> hashes(int n) {
    return Collections.nCopies(n, H);
  }

  @Test
  void inclusion_indexNotBelowSize_isRefused() {
    assertThatThrownBy(() -> new InclusionProof(7, 5, hashes(3)))
        .isInstanceOf(ProofException.class)
        .hasMessage("index 7 is not below tree size 5");
    assertThatThrownBy(() -> new InclusionProof(0, 0, hashes(0)))
        .hasMessage("index 0 is not below tree size 0");
    assertThatThrownBy(() -> new InclusionProof(-1, 5, hashes(3)))
        .hasMessage("a leaf index is not negative");
  }

  @Test
  void inclusion_wrongPathLength_isRefused() {
    assertThatThrownBy(() -> new InclusionProof(3, 8, hashes(2)))
        .hasMessage("proof has 2 hashes, a tree of size 8 needs 3 for index 3");
    assertThatThrownBy(() -> new InclusionProof(3, 8, hashes(4)))
        .hasMessage("proof has 4 hashes, a tree of size 8 needs 3 for index 3");
    assertThatThrownBy(() -> new InclusionProof(4, 5, hashes(3)))
        .hasMessage("proof has 3 hashes, a tree of size 5 needs 1 for index 4");
  }

  @Test
  void inclusion_hashNot32Bytes_isRefused() {
    assertThatThrownBy(() -> InclusionProof.of(0, 2, List.of(new byte[31])))
        .isInstanceOf(ProofException.class)
        .hasMessage("a hash is not 32 bytes");
    assertThatThrownBy(() -> LeafHash.fromUntrusted(new byte[0], "the expected root"))
        .hasMessage("the expected root is not 32 bytes");
  }

  @Test
  void inclusion_wrongRoot_saysTheComputedRootDiffers() {
    InclusionProof proof = new InclusionProof(0, 2, hashes(1));
    assertThatThrownBy(() -> proof.verify(H, H))
        .hasMessage("computed root differs from the expected root");
    proof.verify(H, HASHER.node(H, H));
  }

  @Test
  void consistency_malformedRequests_areRefused() {
    assertThatThrownBy(() -> new ConsistencyProof(0, 5, hashes(0)))
        .hasMessage("consistency from size 0 is not defined");
    assertThatThrownBy(() -> new ConsistencyProof(6, 5, hashes(0)))
        .hasMessage("first size 6 is above second size 5");
    assertThatThrownBy(() -> new ConsistencyProof(4, 4, hashes(1)))
        .hasMessage("sizes are equal but the proof is not empty");
    assertThatThrownBy(() -> new ConsistencyProof(3, 8, hashes(2)))
        .hasMessage("proof has 2 hashes, consistency from size 3 to size 8 needs 4");
    assertThatThrownBy(() -> new ConsistencyProof(4, 4, hashes(0)).verify(H, HASHER.emptyRoot()))
        .hasMessage("sizes are equal but the roots differ");
    assertThatThrownBy(() -> ConsistencyProof.of(1, 2, List.of(new byte[33])))
        .hasMessage("a hash is not 32 bytes");
  }

  @Test
  void consistency_wrongRoots_sayWhichRootDiffers() {
    InMemoryMerkleNodes log = new InMemoryMerkleNodes(HASHER);
    for (int i = 0; i < 4; i++) {
      log.append(HASHER.leaf(new byte[] {(byte) i}));
    }
    MerkleProofs proofs = new MerkleProofs(log, MerkleHasher.sha256());
    LeafHash root3 = proofs.root(3);
    LeafHash root4 = proofs.root(4);
    ConsistencyProof proof = proofs.consistency(3, 4);
    proof.verify(root3, root4);
    assertThatThrownBy(() -> proof.verify(root4, root4))
        .hasMessage("computed first root differs from the expected first root");
    assertThatThrownBy(() -> proof.verify(root3, root3))
        .hasMessage("computed second root differs from the expected second root");
  }

  @Test
  void generation_outsideTheStoredTree_isRefused() {
    InMemoryMerkleNodes log = new InMemoryMerkleNodes(HASHER);
    for (int i = 0; i < 5; i++) {
      log.append(HASHER.leaf(new byte[] {(byte) i}));
    }
    MerkleProofs proofs = new MerkleProofs(log, MerkleHasher.sha256());
    assertThatThrownBy(() -> proofs.inclusion(7, 5)).hasMessage("index 7 is not below tree size 5");
    assertThatThrownBy(() -> proofs.inclusion(0, 6))
        .hasMessage("tree size 6 is beyond the log's size 5");
    assertThatThrownBy(() -> proofs.consistency(0, 5))
        .hasMessage("consistency from size 0 is not defined");
    assertThatThrownBy(() -> proofs.consistency(5, 4))
        .hasMessage("first size 5 is above second size 4");
    assertThatThrownBy(() -> proofs.root(-1)).hasMessage("a tree size is not negative");
    assertThat(proofs.consistency(5, 5).path()).isEmpty();
    assertThat(proofs.root(0)).isEqualTo(HASHER.emptyRoot());
  }

  @Test
  void nodeId_outOfRange_isRefused() {
    assertThatThrownBy(() -> new NodeId(63, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NodeId(0, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NodeId(62, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new NodeId(3, 2).firstLeaf()).isEqualTo(16);
    assertThat(new NodeId(3, 2).endLeaf()).isEqualTo(24);
  }
}
