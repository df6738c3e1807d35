package dev.safehouse.crypto.sm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** SM3 against the GB/T 32905 examples. */
class Sm3Test {
  @Test
  void hash_gbt32905Examples_matchPublishedDigests() {
    JsonNode cases = SmVectors.get("sm3");
    assertThat(cases).hasSize(3);
    for (JsonNode c : cases) {
      assertThat(SmVectors.hex(Sm3.hash(SmVectors.hex(c, "msg_hex"))))
          .as(c.get("name").asText())
          .isEqualTo(c.get("digest_hex").asText());
    }
  }

  @Test
  void newDigest_incrementalUpdates_equalOneShot() {
    byte[] message = SmVectors.hex(SmVectors.get("sm3").get(1), "msg_hex");
    MessageDigest digest = Sm3.newDigest();
    digest.update(message, 0, 10);
    digest.update(message, 10, message.length - 10);
    assertThat(digest.digest()).isEqualTo(Sm3.hash(message)).hasSize(Sm3.LENGTH);
  }
}
