package dev.safehouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.storage.ScoreReleaseStore;
import dev.safehouse.testing.Poll;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Kept copies of releases against the real PostgreSQL: visible at once, stored soon after. */
@QuarkusTest
class KeptReleasesTest {
  @Inject KeptReleases kept;
  @Inject ScoreReleaseStore store;

  // The store keeps the exact text released, so the copy reads the same from memory and the store.
  @Test
  void keep_isVisibleAtOnce_toItsInstitutionOnly_andReachesTheStore() throws Exception {
    UUID id = UUID.randomUUID();
    kept.keep(id, "bank-kept", "score", "{\"score\":612,\"grade\":\"B\"}");
    assertThat(kept.find(id, "bank-kept", "score")).contains("{\"score\":612,\"grade\":\"B\"}");
    assertThat(kept.find(id, "bank-other", "score")).isEmpty();
    assertThat(kept.find(id, "bank-kept", "batch")).isEmpty();
    Poll.until(
        Duration.ofSeconds(10),
        "the copy is stored",
        () -> {
          try {
            return store.find(id, "bank-kept", "score").isPresent();
          } catch (java.sql.SQLException e) {
            return false;
          }
        });
    assertThat(kept.find(id, "bank-kept", "score")).contains("{\"score\":612,\"grade\":\"B\"}");
    assertThat(store.find(id, "bank-kept", "score")).contains("{\"score\":612,\"grade\":\"B\"}");
    assertThat(kept.find(id, "bank-other", "score")).isEmpty();
    assertThat(kept.find(UUID.randomUUID(), "bank-kept", "score")).isEqualTo(Optional.empty());
  }
}
