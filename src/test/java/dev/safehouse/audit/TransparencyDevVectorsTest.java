package dev.safehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The independent vectors of transparency-dev/merkle (testdata/, commit 417fb0c3): every correct
 * proof verifies and every deliberately broken one fails; and the RFC 6962 8-leaf proofs.
 */
class TransparencyDevVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Decoder B64 = Base64.getDecoder();
  private static final HexFormat HEX = HexFormat.of();

  /**
   * transparency-dev accepts this equal-sizes case with 12-byte "roots" because it compares roots
   * without checking their length; Safehouse refuses every hash that is not 32 bytes.
   */
  private static final String NOT_32_BYTES_BUT_ACCEPTED_UPSTREAM =
      "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json";

  private static Path root() throws Exception {
    return Path.of(
        TransparencyDevVectorsTest.class
            .getResource("/vectors/merkle/transparency-dev-testdata")
            .toURI());
  }

  private static List<Path> files(String kind) throws Exception {
    Path dir = root().resolve(kind);
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static List<byte[]> proof(JsonNode node) {
    List<byte[]> proof = new ArrayList<>();
    if (node != null && !node.isNull()) {
      node.forEach(h -> proof.add(B64.decode(h.asText())));
    }
    return proof;
  }

  private static void verifyInclusion(JsonNode v) {
    InclusionProof proof =
        InclusionProof.of(
            v.get("leafIdx").asLong(), v.get("treeSize").asLong(), proof(v.get("proof")));
    proof.verify(
        LeafHash.fromUntrusted(B64.decode(v.get("leafHash").asText()), "the leaf hash"),
        LeafHash.fromUntrusted(B64.decode(v.get("root").asText()), "the expected root"));
  }

  private static void verifyConsistency(JsonNode v) {
    ConsistencyProof proof =
        ConsistencyProof.of(
            v.get("size1").asLong(), v.get("size2").asLong(), proof(v.get("proof")));
    proof.verify(
        LeafHash.fromUntrusted(B64.decode(v.get("root1").asText()), "the first root"),
        LeafHash.fromUntrusted(B64.decode(v.get("root2").asText()), "the second root"));
  }

  @TestFactory
  Stream<DynamicTest> inclusion_everyProbe_verifiesExactlyWhenCorrect() throws Exception {
    Path base = root();
    return files("inclusion").stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    base.relativize(file).toString(),
                    () -> {
                      JsonNode v = JSON.readTree(file.toFile());
                      if (v.get("wantErr").asBoolean()) {
                        assertThatThrownBy(() -> verifyInclusion(v))
                            .isInstanceOf(ProofException.class);
                      } else {
                        assertThatCode(() -> verifyInclusion(v)).doesNotThrowAnyException();
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> consistency_everyProbe_verifiesExactlyWhenCorrect() throws Exception {
    Path base = root();
    return files("consistency").stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    base.relativize(file).toString(),
                    () -> {
                      JsonNode v = JSON.readTree(file.toFile());
                      String name = base.relativize(file).toString();
                      if (name.equals(NOT_32_BYTES_BUT_ACCEPTED_UPSTREAM)) {
                        assertThatThrownBy(() -> verifyConsistency(v))
                            .isInstanceOf(ProofException.class)
                            .hasMessage("the first root is not 32 bytes");
                      } else if (v.get("wantErr").asBoolean()) {
                        assertThatThrownBy(() -> verifyConsistency(v))
                            .isInstanceOf(ProofException.class);
                      } else {
                        assertThatCode(() -> verifyConsistency(v)).doesNotThrowAnyException();
                      }
                    }));
  }

  @Test
  void vectors_areAllPresent() throws Exception {
    assertThat(files("inclusion")).hasSize(98);
    assertThat(files("consistency")).hasSize(98);
  }

  @Test
  void rfc6962EightLeaves_generatedProofsEqualAndVerify() throws Exception {
    JsonNode v;
    try (var in = getClass().getResourceAsStream("/vectors/merkle/rfc6962_8leaf_computed.json")) {
      v = JSON.readTree(in);
    }
    MerkleHasher hasher = MerkleHasher.sha256();
    InMemoryMerkleNodes log = new InMemoryMerkleNodes(hasher);
    v.get("leaf_inputs_hex").forEach(h -> log.append(hasher.leaf(HEX.parseHex(h.asText()))));
    MerkleProofs proofs = new MerkleProofs(log, hasher);
    for (int size = 0; size <= 8; size++) {
      assertThat(proofs.root(size).hex())
          .isEqualTo(v.get("roots_hex_by_tree_size").get(String.valueOf(size)).asText());
    }
    int inclusions = 0;
    for (JsonNode p : v.get("inclusion_proofs")) {
      InclusionProof proof =
          proofs.inclusion(p.get("leaf_index").asLong(), p.get("tree_size").asLong());
      assertThat(proof.path().stream().map(LeafHash::hex).toList())
          .containsExactlyElementsOf(hexList(p.get("proof_hex")));
      proof.verify(hash(p.get("leaf_hash_hex")), hash(p.get("root_hex")), hasher);
      inclusions++;
    }
    int consistencies = 0;
    for (JsonNode p : v.get("consistency_proofs")) {
      ConsistencyProof proof = proofs.consistency(p.get("size1").asLong(), p.get("size2").asLong());
      assertThat(proof.path().stream().map(LeafHash::hex).toList())
          .containsExactlyElementsOf(hexList(p.get("proof_hex")));
      proof.verify(hash(p.get("root1_hex")), hash(p.get("root2_hex")), hasher);
      consistencies++;
    }
    assertThat(inclusions).isEqualTo(36);
    assertThat(consistencies).isEqualTo(36);
  }

  @Test
  void hasher_matchesTheComputedChecks() throws Exception {
    MerkleHasher hasher = MerkleHasher.sha256();
    assertThat(hasher.name()).isEqualTo("sha256");
    assertThat(hasher.emptyRoot().hex())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(hasher.leaf("L123456".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).hex())
        .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
  }

  private static LeafHash hash(JsonNode hex) {
    return new LeafHash(HEX.parseHex(hex.asText()));
  }

  private static List<String> hexList(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(h -> list.add(h.asText()));
    return list;
  }
}
