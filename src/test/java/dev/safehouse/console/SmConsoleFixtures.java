package dev.safehouse.console;

import dev.safehouse.audit.InMemoryMerkleNodes;
import dev.safehouse.audit.LeafHash;
import dev.safehouse.audit.MerkleHasher;
import dev.safehouse.audit.MerkleProofs;
import dev.safehouse.crypto.sm.Sm2SigningKey;
import dev.safehouse.crypto.sm.Sm2VerificationKey;
import dev.safehouse.crypto.sm.Sm3;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@code console-tests/fixtures/sm.json}: values made by the service's Java SM code (SM3,
 * SM2 signatures, an SM3 Merkle tree with proofs, an SM2-signed checkpoint note and an SM2-signed
 * attestation document v2) that the console's JavaScript verifier is tested against. Not a test:
 * run once with {@code java -cp target/classes:target/test-classes:<deps>
 * dev.safehouse.console.SmConsoleFixtures [out]} and commit the output. The note and attestation
 * formats are implemented here from their specification (see the console's note.js and
 * attestation.js), independently of the service's production code.
 */
public final class SmConsoleFixtures {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TREE_SIZE = 13;
  private static final HexFormat HEX = HexFormat.of();
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final byte[] NOTE_TYPE =
      concat(new byte[] {(byte) 0xff}, "safehouse/sm2-sm3".getBytes(StandardCharsets.US_ASCII));

  private SmConsoleFixtures() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "console-tests/fixtures/sm.json");
    List<String> sections =
        List.of(
            "\"sm3\": " + sm3(),
            "\"sm2\": " + sm2(),
            "\"merkle\": " + merkle(),
            "\"note\": " + note(TREE_SIZE, treeRoot()),
            "\"attestation\": " + attestation());
    Files.createDirectories(out.getParent());
    Files.writeString(out, "{\n" + String.join(",\n", sections) + "\n}\n");
  }

  private static String sm3() {
    List<String> items = new ArrayList<>();
    for (int length : new int[] {1, 55, 56, 63, 64, 65, 119, 120, 128, 1000}) {
      byte[] message = random(length);
      items.add(
          obj(
              "messageHex", str(HEX.formatHex(message)),
              "digestHex", str(HEX.formatHex(Sm3.hash(message)))));
    }
    return list(items);
  }

  private static String sm2() {
    List<String> items = new ArrayList<>();
    for (int length : new int[] {0, 1, 32, 64, 65, 200}) {
      Sm2SigningKey key = Sm2SigningKey.generate();
      byte[] message = random(length);
      items.add(
          obj(
              "publicKey", str(key.verificationKey().toText()),
              "messageHex", str(HEX.formatHex(message)),
              "signatureBase64", str(B64.encodeToString(key.sign(message)))));
    }
    return list(items);
  }

  private static String merkle() {
    MerkleHasher hasher = MerkleHasher.sm3();
    InMemoryMerkleNodes nodes = tree();
    List<String> entries = new ArrayList<>();
    List<String> leaves = new ArrayList<>();
    int size = TREE_SIZE;
    for (int i = 0; i < size; i++) {
      byte[] entry = entry(i);
      entries.add(str(HEX.formatHex(entry)));
      leaves.add(str(hasher.leaf(entry).hex()));
    }
    MerkleProofs proofs = new MerkleProofs(nodes, hasher);
    List<String> roots = new ArrayList<>();
    for (int n = 1; n <= size; n++) {
      roots.add(str(proofs.root(n).hex()));
    }
    List<String> inclusion = new ArrayList<>();
    for (int[] c : new int[][] {{0, 1}, {0, 13}, {5, 8}, {6, 13}, {12, 13}, {4, 7}}) {
      inclusion.add(
          obj(
              "index", String.valueOf(c[0]),
              "size", String.valueOf(c[1]),
              "path", hexes(proofs.inclusion(c[0], c[1]).path())));
    }
    List<String> consistency = new ArrayList<>();
    for (int[] c : new int[][] {{1, 13}, {4, 8}, {3, 7}, {6, 13}, {8, 13}, {13, 13}}) {
      consistency.add(
          obj(
              "first", String.valueOf(c[0]),
              "second", String.valueOf(c[1]),
              "proof", hexes(proofs.consistency(c[0], c[1]).path())));
    }
    return obj(
        "entriesHex", list(entries),
        "leafHashesHex", list(leaves),
        "rootsHex", list(roots),
        "inclusion", list(inclusion),
        "consistency", list(consistency));
  }

  private static byte[] entry(int i) {
    return ("entry " + i).getBytes(StandardCharsets.UTF_8);
  }

  /** The SM3 tree of TREE_SIZE entries "entry 0", "entry 1", … */
  private static InMemoryMerkleNodes tree() {
    MerkleHasher hasher = MerkleHasher.sm3();
    InMemoryMerkleNodes nodes = new InMemoryMerkleNodes(hasher);
    for (int i = 0; i < TREE_SIZE; i++) {
      nodes.append(hasher.leaf(entry(i)));
    }
    return nodes;
  }

  private static LeafHash treeRoot() {
    return new MerkleProofs(tree(), MerkleHasher.sm3()).root(TREE_SIZE);
  }

  /** A checkpoint of the fixture tree, signed as an SM2 note. */
  private static String note(int size, LeafHash root) {
    Sm2SigningKey key = Sm2SigningKey.generate();
    byte[] spki = key.verificationKey().toSpki();
    String name = "safehouse.example/audit";
    String text = name + "\n" + size + "\n" + B64.encodeToString(root.bytes()) + "\n";
    byte[] keyId = keyId(name, spki);
    byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
    String note =
        text + "\n\u2014 " + name + " " + B64.encodeToString(concat(keyId, signature)) + "\n";
    String verifierKey =
        name + "+" + HEX.formatHex(keyId) + "+" + B64.encodeToString(concat(NOTE_TYPE, spki));
    return obj(
        "keyName", str(name),
        "publicKey", str(key.verificationKey().toText()),
        "keyIdHex", str(HEX.formatHex(keyId)),
        "verifierKey", str(verifierKey),
        "note", str(note));
  }

  /** The note key id: the first 4 bytes of SM3(name ‖ 0x0A ‖ type ‖ SPKI DER). */
  private static byte[] keyId(String name, byte[] spki) {
    byte[] hash =
        Sm3.hash(concat(name.getBytes(StandardCharsets.UTF_8), new byte[] {0x0a}, NOTE_TYPE, spki));
    byte[] id = new byte[4];
    System.arraycopy(hash, 0, id, 0, 4);
    return id;
  }

  private static String attestation() throws IOException {
    Sm2SigningKey platform = Sm2SigningKey.generate();
    Sm2VerificationKey logKey = Sm2SigningKey.generate().verificationKey();
    String measurement = HEX.formatHex(Sm3.hash(random(16)));
    String policyHash = HEX.formatHex(Sm3.hash(random(16)));
    String nonceHex = HEX.formatHex(random(32));
    byte[] wrappingKey = Sm2SigningKey.generate().verificationKey().toSpki();
    long issuedAtMillis = 1_790_000_000_000L;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    writeStr(out, "safehouse/attestation/v2");
    writeStr(out, "sm");
    writeStr(out, measurement);
    writeStr(out, policyHash);
    out.writeInt(wrappingKey.length);
    out.write(wrappingKey);
    writeStr(out, logKey.toText());
    writeStr(out, nonceHex);
    out.writeLong(issuedAtMillis);
    out.writeByte(1);
    byte[] document = bytes.toByteArray();
    return obj(
        "platformKey", str(platform.verificationKey().toText()),
        "platformKeyPem", str(platform.verificationKey().toPem()),
        "documentBase64", str(B64.encodeToString(document)),
        "signatureBase64", str(B64.encodeToString(platform.sign(document))),
        "suite", str("sm"),
        "measurement", str(measurement),
        "policyHash", str(policyHash),
        "wrappingKeyBase64", str(B64.encodeToString(wrappingKey)),
        "signingKey", str(logKey.toText()),
        "signingKeyId", str(logKey.keyId()),
        "nonceHex", str(nonceHex),
        "issuedAtMillis", String.valueOf(issuedAtMillis),
        "debug", "true");
  }

  private static void writeStr(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeShort(utf8.length);
    out.write(utf8);
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static String hexes(List<LeafHash> hashes) {
    return list(hashes.stream().map(h -> str(h.hex())).toList());
  }

  /** A JSON string of text that needs escaping only for newlines (hex, base64, PEM, notes). */
  private static String str(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static String list(List<String> items) {
    return "[" + String.join(", ", items) + "]";
  }

  private static String obj(String... keysAndValues) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      fields.add(str(keysAndValues[i]) + ": " + keysAndValues[i + 1]);
    }
    return fields.stream().collect(Collectors.joining(", ", "{", "}"));
  }
}
