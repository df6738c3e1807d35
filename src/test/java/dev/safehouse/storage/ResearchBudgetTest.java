package dev.safehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.storage.ResearchStore.ProjectRow;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The privacy budget in PostgreSQL: charges stop at the budget, a refused charge changes nothing,
 * and the spent ε resets when the refresh period has ended — measured against the clock the caller
 * passes in.
 */
@QuarkusTest
class ResearchBudgetTest {
  private static final BigDecimal EPSILON = new BigDecimal("0.5");

  @Inject ResearchStore store;

  private UUID pendingProject(Instant at, BigDecimal requested) throws Exception {
    UUID id = UUID.randomUUID();
    store.insertProject(
        new ProjectRow(
            id,
            "budget-tester",
            Optional.empty(),
            "budget",
            "budget test",
            "dp-open",
            List.of("public-credit"),
            requested,
            "pending",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            BigDecimal.ZERO,
            Optional.empty(),
            at));
    return id;
  }

  private UUID approvedProject(Instant at, BigDecimal budget, Duration refresh) throws Exception {
    UUID id = pendingProject(at, budget);
    store.decideProject(id, true, "stella", "ok", budget, refresh, at).orElseThrow();
    return id;
  }

  private UUID query(UUID projectId, Instant at) throws Exception {
    UUID id = UUID.randomUUID();
    store.insertQuery(
        new ResearchStore.QueryRow(
            id,
            projectId,
            "SELECT count(*) FROM fused",
            "hash",
            "plan",
            "{}",
            "approved",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            at));
    return id;
  }

  private Optional<ResearchStore.Budget> charge(UUID project, UUID query, Instant at)
      throws Exception {
    return store.charge(project, UUID.randomUUID(), query, "{}", EPSILON, at);
  }

  @Test
  void charges_stopAtTheBudget_andResetWhenThePeriodEnds() throws Exception {
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    UUID project = approvedProject(start, new BigDecimal("1.0"), Duration.ofHours(1));
    UUID query = query(project, start);

    assertThat(charge(project, query, start).orElseThrow().remaining()).isEqualByComparingTo("0.5");
    assertThat(charge(project, query, start.plusSeconds(60)).orElseThrow().remaining())
        .isEqualByComparingTo("0");
    assertThat(charge(project, query, start.plus(Duration.ofMinutes(59))))
        .as("the budget of the current period is spent")
        .isEmpty();
    assertThat(store.budget(project, start.plus(Duration.ofMinutes(59))).orElseThrow().spent())
        .as("a refused charge changes nothing")
        .isEqualByComparingTo("1.0");

    Instant nextPeriod = start.plus(Duration.ofMinutes(61));
    assertThat(store.budget(project, nextPeriod).orElseThrow().spent()).isEqualByComparingTo("0");
    ResearchStore.Budget afterReset = charge(project, query, nextPeriod).orElseThrow();
    assertThat(afterReset.spent()).isEqualByComparingTo("0.5");
    assertThat(charge(project, query, nextPeriod.plusSeconds(1))).isPresent();
    assertThat(charge(project, query, nextPeriod.plusSeconds(2)))
        .as("the new period starts at its first charge and has the same budget")
        .isEmpty();
  }

  @Test
  void pendingOrRejectedProjects_cannotBeCharged() throws Exception {
    Instant at = Instant.parse("2026-11-02T00:00:00Z");
    UUID rejected = pendingProject(at, BigDecimal.ONE);
    UUID query = query(rejected, at);
    assertThat(charge(rejected, query, at)).as("pending").isEmpty();
    store.decideProject(rejected, false, "stella", "no", null, Duration.ofDays(1), at);
    assertThat(charge(rejected, query, at)).as("rejected").isEmpty();
  }
}
