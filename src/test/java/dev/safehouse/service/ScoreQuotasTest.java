package dev.safehouse.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.Uscc;
import dev.safehouse.config.SafehouseConfig;
import dev.safehouse.storage.ScoreQuotaStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Daily score quotas against the real PostgreSQL, with the test profile's limits: 10 per
 * institution and 3 per (institution, enterprise) per UTC day. Each test uses its own institution.
 */
@QuarkusTest
class ScoreQuotasTest {
  private static final int PER_INSTITUTION = 10;
  private static final int PER_ENTERPRISE = 3;
  private static final Instant NOON = Instant.parse("2030-05-17T12:00:00Z");
  private static final LocalDate DAY = LocalDate.parse("2030-05-17");

  @Inject ScoreQuotas quotas;
  @Inject ScoreQuotaStore store;
  @Inject SafehouseConfig config;

  private static Uscc enterprise(int n) {
    return Uscc.withCheckCharacter(String.format("9131011500000%04d", n));
  }

  @Test
  void acquire_beyondTheEnterpriseLimit_429UntilMidnight_beforeTheInstitutionLimit()
      throws Exception {
    for (int i = 0; i < PER_ENTERPRISE; i++) {
      quotas.acquire("bank-enterprise", enterprise(1), NOON);
    }
    assertThatThrownBy(() -> quotas.acquire("bank-enterprise", enterprise(1), NOON))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.QUOTA_EXCEEDED);
              assertThat(e.type().status()).isEqualTo(429);
              assertThat(e.retryAfterSeconds()).isEqualTo(12 * 3600);
              assertThat(e.getMessage()).contains("for this enterprise");
            });
    quotas.acquire("bank-enterprise", enterprise(2), NOON);
    quotas.flush();
    assertThat(store.used("bank-enterprise", enterprise(1).value(), DAY)).isEqualTo(PER_ENTERPRISE);
    assertThat(store.used("bank-enterprise", DAY)).isEqualTo(PER_ENTERPRISE + 1);
  }

  @Test
  void acquire_beyondTheInstitutionLimit_429_andCountsNothing() throws Exception {
    for (int i = 0; i < PER_INSTITUTION; i++) {
      quotas.acquire("bank-total", enterprise(i), NOON);
    }
    Instant late = Instant.parse("2030-05-17T23:59:59.250Z");
    assertThatThrownBy(() -> quotas.acquire("bank-total", enterprise(99), late))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> {
              assertThat(e.retryAfterSeconds()).isEqualTo(1);
              assertThat(e.getMessage())
                  .isEqualTo("the institution's daily score quota is used up");
            });
    quotas.flush();
    assertThat(store.used("bank-total", enterprise(99).value(), DAY)).isZero();
    assertThat(store.used("bank-total", DAY)).isEqualTo(PER_INSTITUTION);
    quotas.acquire("bank-total-other", enterprise(99), NOON);
  }

  @Test
  void acquire_theNextUtcDay_startsAfresh() {
    for (int i = 0; i < PER_ENTERPRISE; i++) {
      quotas.acquire("bank-days", enterprise(7), NOON);
    }
    assertThatThrownBy(
            () -> quotas.acquire("bank-days", enterprise(7), Instant.parse("2030-05-17T23:59:59Z")))
        .isInstanceOf(QuotaExceededException.class);
    Instant midnight = Instant.parse("2030-05-18T00:00:00Z");
    for (int i = 0; i < PER_ENTERPRISE; i++) {
      quotas.acquire("bank-days", enterprise(7), midnight);
    }
    assertThatThrownBy(() -> quotas.acquire("bank-days", enterprise(7), midnight))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> assertThat(e.retryAfterSeconds()).isEqualTo(24 * 3600));
  }

  @Test
  void acquire_fiftyConcurrent_exactlyTheLimitSucceed() throws Exception {
    assertThat(race("bank-race", 50, n -> enterprise(n))).isEqualTo(PER_INSTITUTION);
    quotas.flush();
    assertThat(store.used("bank-race", DAY)).isEqualTo(PER_INSTITUTION);
    assertThat(race("bank-race-one", 20, n -> enterprise(5))).isEqualTo(PER_ENTERPRISE);
    quotas.flush();
    assertThat(store.used("bank-race-one", DAY)).isEqualTo(PER_ENTERPRISE);
  }

  @Test
  void countsSurviveARestart_throughTheStore() throws Exception {
    for (int i = 0; i < PER_ENTERPRISE; i++) {
      quotas.acquire("bank-restart", enterprise(3), NOON);
    }
    quotas.acquire("bank-restart", enterprise(4), NOON);
    quotas.flush();
    ScoreQuotas restarted = new ScoreQuotas(store, config);
    assertThatThrownBy(() -> restarted.acquire("bank-restart", enterprise(3), NOON))
        .isInstanceOf(QuotaExceededException.class);
    for (int i = 0; i < PER_INSTITUTION - PER_ENTERPRISE - 1; i++) {
      restarted.acquire("bank-restart", enterprise(10 + i), NOON);
    }
    assertThatThrownBy(() -> restarted.acquire("bank-restart", enterprise(40), NOON))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> assertThat(e.getMessage()).doesNotContain("for this enterprise"));
  }

  @Test
  void save_neverLowersAStoredCount() throws Exception {
    store.save(List.of(new ScoreQuotaStore.Count("bank-order", "*", DAY, 7)));
    store.save(List.of(new ScoreQuotaStore.Count("bank-order", "*", DAY, 5)));
    assertThat(store.used("bank-order", DAY)).isEqualTo(7);
  }

  @Test
  void quotaExceeded_isProblemJson429WithRetryAfter() {
    given()
        .get("/test-only/quota")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", "42")
        .body("type", equalTo("https://safehouse.dev/problems/quota-exceeded"));
  }

  /** Runs {@code calls} acquires at once; returns how many succeeded. */
  private int race(String institution, int calls, IntFunction<Uscc> uscc) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        Uscc target = uscc.apply(i);
        Callable<Boolean> call =
            () -> {
              start.await();
              try {
                quotas.acquire(institution, target, NOON);
                return true;
              } catch (QuotaExceededException e) {
                return false;
              }
            };
        results.add(pool.submit(call));
      }
      start.countDown();
      int succeeded = 0;
      for (Future<Boolean> result : results) {
        succeeded += result.get() ? 1 : 0;
      }
      return succeeded;
    } finally {
      pool.shutdownNow();
    }
  }
}
