package dev.safehouse.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.audit.LeafHash;
import dev.safehouse.audit.StrictBase64;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An audit receipt as attached to a released result: the result's leaf in the log, the signed
 * checkpoint it was proven against, and the inclusion proof. JSON {@code
 * {"suite":"intl"|"sm","leafIndex":i,"leafHash":"b64","treeSize":N,"checkpoint":"<signed
 * note>","inclusionProof":["b64",…]}}; a receipt without {@code suite} is of suite {@code intl}.
 *
 * <p>A receipt that exists is well formed; nothing in it is verified — see {@link ReceiptVerifier}.
 *
 * @param suite the crypto suite the receipt names
 * @param leafIndex the leaf's index
 * @param leafHash the leaf's hash, the suite's {@code H(0x00 ‖ entry)}
 * @param treeSize the size of the tree the proof is for
 * @param checkpoint the signed checkpoint note
 * @param inclusionProof the sibling hashes, leaf end first
 */
public record Receipt(
    String suite,
    long leafIndex,
    LeafHash leafHash,
    long treeSize,
    String checkpoint,
    List<LeafHash> inclusionProof) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the proof. */
  public Receipt {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(checkpoint, "checkpoint");
    inclusionProof = List.copyOf(inclusionProof);
  }

  /**
   * Reads a receipt.
   *
   * @throws VerificationFailure if the text is not a receipt: not JSON, a missing field, a number
   *     that is not a non-negative integer, a hash that is not canonical base64 of 32 bytes
   */
  public static Receipt parse(String json) {
    JsonNode receipt;
    try {
      receipt = JSON.readTree(json);
    } catch (IOException e) {
      throw malformed("it is not JSON");
    }
    if (receipt == null || !receipt.isObject()) {
      throw malformed("it is not a JSON object");
    }
    JsonNode proof = receipt.path("inclusionProof");
    if (!proof.isArray()) {
      throw malformed("inclusionProof is not an array");
    }
    List<LeafHash> path = new ArrayList<>();
    for (int i = 0; i < proof.size(); i++) {
      path.add(hash(proof.get(i), "inclusionProof[" + i + "]"));
    }
    if (!receipt.path("checkpoint").isTextual()) {
      throw malformed("checkpoint is not a string");
    }
    JsonNode suite = receipt.path("suite");
    if (!suite.isMissingNode() && !suite.isTextual()) {
      throw malformed("suite is not a string");
    }
    return new Receipt(
        suite.asText("intl"),
        integer(receipt.path("leafIndex"), "leafIndex"),
        hash(receipt.path("leafHash"), "leafHash"),
        integer(receipt.path("treeSize"), "treeSize"),
        receipt.get("checkpoint").asText(),
        path);
  }

  private static long integer(JsonNode node, String field) {
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
      throw malformed(field + " is not a non-negative integer");
    }
    return node.asLong();
  }

  private static LeafHash hash(JsonNode node, String field) {
    byte[] bytes = node.isTextual() ? StrictBase64.decode(node.asText()) : null;
    if (bytes == null || bytes.length != LeafHash.LENGTH) {
      throw malformed(field + " is not base64 of 32 bytes");
    }
    return new LeafHash(bytes);
  }

  private static VerificationFailure malformed(String why) {
    return new VerificationFailure("the receipt is malformed: " + why);
  }
}
