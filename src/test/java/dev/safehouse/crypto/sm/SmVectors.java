package dev.safehouse.crypto.sm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/**
 * The published SM3 / SM4 / SM2 examples in {@code src/test/resources/vectors/sm/}, a copy of
 * {@code ../shared/vectors/sm/sm3_sm4_sm2_vectors.json}.
 */
final class SmVectors {
  private static final HexFormat HEX = HexFormat.of();
  private static final JsonNode ROOT = load();

  private SmVectors() {}

  private static JsonNode load() {
    try (InputStream in =
        SmVectors.class.getResourceAsStream("/vectors/sm/sm3_sm4_sm2_vectors.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode get(String section) {
    return ROOT.get(section);
  }

  static byte[] hex(JsonNode node, String field) {
    return HEX.parseHex(node.get(field).asText().toLowerCase(java.util.Locale.ROOT));
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}
