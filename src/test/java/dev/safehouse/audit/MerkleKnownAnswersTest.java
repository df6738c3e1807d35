package dev.safehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Known answers for every tree of 1 to 64 leaves: roots, every inclusion proof and every
 * consistency proof, in {@code src/test/resources/vectors/merkle/safehouse_1_to_64.json}.
 *
 * <p>The file is written by {@link ReferenceMerkleTree} (the recursive RFC 9162 definitions), not
 * by the production code; run with {@code -Dsafehouse.writeVectors=true} to rewrite it. Leaf {@code
 * i} (0 ≤ i < 64) has as data the ASCII bytes of {@code "leaf "} followed by {@code i} in decimal.
 * Proof hashes are named by their leaf range {@code "begin-end"} and listed once under {@code
 * subtree_hashes}. For every proof the tests also derive broken twins that must fail: wrong leaf,
 * wrong index, one flipped bit in each hash, one hash fewer, one hash more, swapped roots / the
 * root of another size.
 */
class MerkleKnownAnswersTest {
  private static final int MAX_SIZE = 64;
  private static final String FILE = "vectors/merkle/safehouse_1_to_64.json";
  private static final HexFormat HEX = HexFormat.of();

  private static JsonNode vectors;
  private static Map<String, LeafHash> subtrees;
  private static List<LeafHash> roots;
  private static List<LeafHash> leaves;

  static byte[] leafData(int i) {
    return ("leaf " + i).getBytes(StandardCharsets.US_ASCII);
  }

  /** Writes the vector file's text from the reference definitions; one proof per line. */
  static String generate() {
    MerkleHasher hasher = MerkleHasher.sha256();
    List<LeafHash> leafHashes = new ArrayList<>();
    for (int i = 0; i < MAX_SIZE; i++) {
      leafHashes.add(hasher.leaf(leafData(i)));
    }
    ReferenceMerkleTree tree = new ReferenceMerkleTree(hasher, leafHashes);
    Map<String, String> named = new TreeMap<>();
    List<String> inclusion = new ArrayList<>();
    List<String> consistency = new ArrayList<>();
    for (int n = 1; n <= MAX_SIZE; n++) {
      for (int m = 0; m < n; m++) {
        List<String> path = tree.path(m, n);
        inclusion.add("[" + m + ", " + n + ", " + names(path) + "]");
        path.forEach(name -> named.put(name, rangeHash(tree, name)));
      }
      for (int m = 1; m <= n; m++) {
        List<String> proof = tree.consistency(m, n);
        consistency.add("[" + m + ", " + n + ", " + names(proof) + "]");
        proof.forEach(name -> named.put(name, rangeHash(tree, name)));
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("{\n");
    out.append(
        "  \"description\": \"RFC 9162 SHA-256 Merkle trees of 1..64 leaves: every root, inclusion"
            + " proof [index, size, path] and consistency proof [size1, size2, path]; path"
            + " elements name the leaf range begin-end whose tree hash they are\",\n");
    out.append(
        "  \"leaf_data\": \"leaf i (0 <= i < 64) is the ASCII bytes of 'leaf ' followed by i in"
            + " decimal\",\n");
    out.append("  \"leaf_hashes\": [\n");
    appendLines(out, leafHashes.stream().map(h -> "\"" + h.hex() + "\"").toList());
    out.append("  \"roots_by_size\": [\n");
    List<String> rootLines = new ArrayList<>();
    for (int n = 0; n <= MAX_SIZE; n++) {
      rootLines.add("\"" + tree.root(n).hex() + "\"");
    }
    appendLines(out, rootLines);
    out.append("  \"subtree_hashes\": {\n");
    appendLines(
        out,
        named.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
            .toList(),
        "  },\n");
    out.append("  \"inclusion\": [\n");
    appendLines(out, inclusion);
    out.append("  \"consistency\": [\n");
    appendLines(out, consistency, "  ]\n");
    out.append("}\n");
    return out.toString();
  }

  private static String rangeHash(ReferenceMerkleTree tree, String name) {
    String[] parts = name.split("-");
    return tree.hash(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])).hex();
  }

  private static String names(List<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").toList().toString();
  }

  private static void appendLines(StringBuilder out, List<String> lines) {
    appendLines(out, lines, "  ],\n");
  }

  private static void appendLines(StringBuilder out, List<String> lines, String close) {
    for (int i = 0; i < lines.size(); i++) {
      out.append("    ").append(lines.get(i)).append(i + 1 < lines.size() ? ",\n" : "\n");
    }
    out.append(close);
  }

  @BeforeAll
  static void load() throws Exception {
    if (Boolean.getBoolean("safehouse.writeVectors")) {
      Files.writeString(Path.of("src/test/resources", FILE), generate(), StandardCharsets.UTF_8);
    }
    try (InputStream in = MerkleKnownAnswersTest.class.getResourceAsStream("/" + FILE)) {
      vectors = new ObjectMapper().readTree(in);
    }
    subtrees = new TreeMap<>();
    vectors
        .get("subtree_hashes")
        .fields()
        .forEachRemaining(e -> subtrees.put(e.getKey(), hash(e.getValue().asText())));
    roots = new ArrayList<>();
    vectors.get("roots_by_size").forEach(r -> roots.add(hash(r.asText())));
    leaves = new ArrayList<>();
    vectors.get("leaf_hashes").forEach(r -> leaves.add(hash(r.asText())));
  }

  @Test
  void file_isExactlyWhatTheReferenceDefinitionsGenerate() throws Exception {
    String committed;
    try (InputStream in = getClass().getResourceAsStream("/" + FILE)) {
      committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(committed).isEqualTo(generate());
    assertThat(vectors.get("inclusion")).hasSize(64 * 65 / 2);
    assertThat(vectors.get("consistency")).hasSize(64 * 65 / 2);
  }

  @Test
  void leavesAndRoots_matchFrontierAndStoredNodes() {
    MerkleHasher hasher = MerkleHasher.sha256();
    InMemoryMerkleNodes log = log(hasher);
    MerkleProofs proofs = new MerkleProofs(log, hasher);
    MerkleRootBuilder builder = new MerkleRootBuilder();
    assertThat(builder.root()).isEqualTo(roots.get(0));
    for (int n = 1; n <= MAX_SIZE; n++) {
      builder.addLeafData(leafData(n - 1));
      assertThat(leaves.get(n - 1)).isEqualTo(hasher.leaf(leafData(n - 1)));
      assertThat(builder.root()).as("size %d", n).isEqualTo(roots.get(n));
      assertThat(proofs.root(n)).as("size %d", n).isEqualTo(roots.get(n));
    }
    assertThat(proofs.root(0)).isEqualTo(roots.get(0));
  }

  @Test
  void inclusion_generatedEqualsTheFileAndVerifies() {
    MerkleHasher hasher = MerkleHasher.sha256();
    MerkleProofs proofs = new MerkleProofs(log(hasher), hasher);
    for (JsonNode entry : vectors.get("inclusion")) {
      long index = entry.get(0).asLong();
      long size = entry.get(1).asLong();
      InclusionProof proof = proofs.inclusion(index, size);
      assertThat(proof.path()).as("%d in %d", index, size).isEqualTo(path(entry.get(2)));
      proof.verify(leaves.get((int) index), roots.get((int) size), hasher);
      assertThat(proof.rootFrom(leaves.get((int) index), hasher)).isEqualTo(roots.get((int) size));
    }
  }

  @Test
  void consistency_generatedEqualsTheFileAndVerifies() {
    MerkleHasher hasher = MerkleHasher.sha256();
    MerkleProofs proofs = new MerkleProofs(log(hasher), hasher);
    for (JsonNode entry : vectors.get("consistency")) {
      long first = entry.get(0).asLong();
      long second = entry.get(1).asLong();
      ConsistencyProof proof = proofs.consistency(first, second);
      assertThat(proof.path()).as("%d to %d", first, second).isEqualTo(path(entry.get(2)));
      proof.verify(roots.get((int) first), roots.get((int) second), hasher);
    }
  }

  @Test
  void inclusion_everyBrokenTwin_fails() {
    MerkleHasher hasher = MerkleHasher.sha256();
    int twins = 0;
    for (JsonNode entry : vectors.get("inclusion")) {
      int index = entry.get(0).asInt();
      int size = entry.get(1).asInt();
      List<LeafHash> path = path(entry.get(2));
      LeafHash leaf = leaves.get(index);
      LeafHash root = roots.get(size);
      String what = index + " in " + size;

      LeafHash wrongLeaf = size > 1 ? leaves.get((index + 1) % size) : hasher.leaf(new byte[0]);
      twins += fails(what + " wrong leaf", () -> proof(index, size, path).verify(wrongLeaf, root));
      LeafHash otherRoot = roots.get(size < MAX_SIZE ? size + 1 : size - 1);
      twins += fails(what + " other root", () -> proof(index, size, path).verify(leaf, otherRoot));
      for (int i = 0; i < path.size(); i++) {
        List<LeafHash> flipped = flipBit(path, i, index * 31 + size);
        twins +=
            fails(what + " flipped " + i, () -> proof(index, size, flipped).verify(leaf, root));
      }
      if (!path.isEmpty()) {
        List<LeafHash> truncated = path.subList(0, path.size() - 1);
        twins += fails(what + " truncated", () -> proof(index, size, truncated).verify(leaf, root));
      }
      List<LeafHash> trailing = new ArrayList<>(path);
      trailing.add(root);
      twins += fails(what + " trailing", () -> proof(index, size, trailing).verify(leaf, root));
      for (int other : new int[] {index - 1, index + 1}) {
        if (other >= 0 && other < size) {
          twins +=
              fails(what + " index " + other, () -> proof(other, size, path).verify(leaf, root));
        }
      }
    }
    assertThat(twins).isGreaterThan(20_000);
  }

  @Test
  void consistency_everyBrokenTwin_fails() {
    int twins = 0;
    for (JsonNode entry : vectors.get("consistency")) {
      int first = entry.get(0).asInt();
      int second = entry.get(1).asInt();
      List<LeafHash> path = path(entry.get(2));
      LeafHash root1 = roots.get(first);
      LeafHash root2 = roots.get(second);
      String what = first + " to " + second;

      if (first != second) {
        twins +=
            fails(what + " swapped", () -> consistency(first, second, path).verify(root2, root1));
      }
      LeafHash otherRoot = roots.get(second < MAX_SIZE ? second + 1 : second - 1);
      twins +=
          fails(
              what + " other root2",
              () -> consistency(first, second, path).verify(root1, otherRoot));
      if (first > 1) {
        LeafHash earlier = roots.get(first - 1);
        twins +=
            fails(
                what + " other root1",
                () -> consistency(first, second, path).verify(earlier, root2));
      }
      for (int i = 0; i < path.size(); i++) {
        List<LeafHash> flipped = flipBit(path, i, first * 31 + second);
        twins +=
            fails(
                what + " flipped " + i,
                () -> consistency(first, second, flipped).verify(root1, root2));
      }
      if (!path.isEmpty()) {
        List<LeafHash> truncated = path.subList(0, path.size() - 1);
        twins +=
            fails(
                what + " truncated",
                () -> consistency(first, second, truncated).verify(root1, root2));
      }
      List<LeafHash> trailing = new ArrayList<>(path);
      trailing.add(root2);
      twins +=
          fails(
              what + " trailing", () -> consistency(first, second, trailing).verify(root1, root2));
    }
    assertThat(twins).isGreaterThan(15_000);
  }

  private static int fails(String what, Runnable attempt) {
    assertThatThrownBy(attempt::run).as(what).isInstanceOf(ProofException.class);
    return 1;
  }

  private static InclusionProof proof(long index, long size, List<LeafHash> path) {
    return new InclusionProof(index, size, path);
  }

  private static ConsistencyProof consistency(long first, long second, List<LeafHash> path) {
    return new ConsistencyProof(first, second, path);
  }

  /**
   * Returns {@code path} with one bit of hash {@code i} flipped, the bit chosen by {@code seed}.
   */
  private static List<LeafHash> flipBit(List<LeafHash> path, int i, int seed) {
    List<LeafHash> copy = new ArrayList<>(path);
    byte[] bytes = copy.get(i).bytes();
    int bit = Math.floorMod(seed, LeafHash.LENGTH * 8);
    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    copy.set(i, new LeafHash(bytes));
    return copy;
  }

  private static InMemoryMerkleNodes log(MerkleHasher hasher) {
    InMemoryMerkleNodes log = new InMemoryMerkleNodes(hasher);
    for (int i = 0; i < MAX_SIZE; i++) {
      log.append(hasher.leaf(leafData(i)));
    }
    return log;
  }

  private static List<LeafHash> path(JsonNode names) {
    List<LeafHash> path = new ArrayList<>();
    names.forEach(name -> path.add(subtrees.get(name.asText())));
    return path;
  }

  private static LeafHash hash(String hex) {
    return new LeafHash(HEX.parseHex(hex));
  }
}
