package dev.safehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Known answers from ../shared/vectors/merkle (RFC 6962 §2.1, computed independently). */
class MerkleRootBuilderTest {
  private static final HexFormat HEX = HexFormat.of();

  private static JsonNode vectors() throws Exception {
    try (InputStream in =
        MerkleRootBuilderTest.class.getResourceAsStream(
            "/vectors/merkle/rfc6962_8leaf_computed.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void root_everyPrefixOfTheClassicEightLeaves_matchesTheVectors() throws Exception {
    JsonNode vectors = vectors();
    JsonNode inputs = vectors.get("leaf_inputs_hex");
    MerkleRootBuilder builder = new MerkleRootBuilder();
    assertThat(builder.root().hex())
        .isEqualTo(vectors.get("roots_hex_by_tree_size").get("0").asText());
    for (int i = 0; i < inputs.size(); i++) {
      builder.addLeafData(HEX.parseHex(inputs.get(i).asText()));
      assertThat(builder.size()).isEqualTo(i + 1);
      assertThat(builder.root().hex())
          .as("tree size %d", i + 1)
          .isEqualTo(vectors.get("roots_hex_by_tree_size").get(String.valueOf(i + 1)).asText());
    }
  }

  @Test
  void leaf_matchesTheVectorLeafHashes() throws Exception {
    JsonNode vectors = vectors();
    MerkleHasher hasher = MerkleHasher.sha256();
    for (int i = 0; i < vectors.get("leaf_inputs_hex").size(); i++) {
      assertThat(hasher.leaf(HEX.parseHex(vectors.get("leaf_inputs_hex").get(i).asText())).hex())
          .isEqualTo(vectors.get("leaf_hashes_hex").get(i).asText());
    }
  }

  @Test
  void root_largeTrees_equalsTheRecursiveDefinition() {
    SplittableRandom random = new SplittableRandom(6962);
    MerkleHasher hasher = MerkleHasher.sha256();
    for (int n : new int[] {9, 31, 32, 33, 100, 1000}) {
      List<LeafHash> leaves = new ArrayList<>();
      MerkleRootBuilder builder = new MerkleRootBuilder();
      for (int i = 0; i < n; i++) {
        byte[] data = new byte[random.nextInt(40)];
        random.nextBytes(data);
        leaves.add(hasher.leaf(data));
        builder.addLeafData(data);
      }
      assertThat(builder.root()).as("n=%d", n).isEqualTo(recursiveRoot(hasher, leaves));
    }
  }

  @Test
  void root_changesWithAnyLeafOrItsOrder() {
    MerkleRootBuilder a = new MerkleRootBuilder();
    MerkleRootBuilder b = new MerkleRootBuilder();
    a.addLeafData(new byte[] {1});
    a.addLeafData(new byte[] {2});
    b.addLeafData(new byte[] {2});
    b.addLeafData(new byte[] {1});
    assertThat(a.root()).isNotEqualTo(b.root());
  }

  @Test
  void leafHash_wrongLength_isRefused() {
    assertThatThrownBy(() -> new LeafHash(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LeafHash(new byte[33]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * RFC 6962 §2.1: MTH(D[n]) = node(MTH(D[0:k]), MTH(D[k:n])), k the largest power of 2 below n.
   */
  private static LeafHash recursiveRoot(MerkleHasher hasher, List<LeafHash> leaves) {
    if (leaves.size() == 1) {
      return leaves.get(0);
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    return hasher.node(
        recursiveRoot(hasher, leaves.subList(0, k)),
        recursiveRoot(hasher, leaves.subList(k, leaves.size())));
  }
}
