package dev.safehouse.service;

import dev.safehouse.common.Uscc;
import dev.safehouse.config.SafehouseConfig;
import dev.safehouse.storage.DatabaseUnavailableException;
import dev.safehouse.storage.ScoreQuotaStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Daily quotas on the scores an institution takes, against scraping: at most {@code
 * safehouse.scores.quota.per-institution-per-day} in total and {@code …per-enterprise-per-day}
 * about any one enterprise, per UTC day.
 *
 * <h2>Guarantees</h2>
 *
 * Counting is in PostgreSQL ({@link ScoreQuotaStore}): exact under any number of concurrent callers
 * and service instances, and kept across restarts. A refused acquire counts nothing against either
 * quota. Quotas reset at 00:00 UTC. <b>Not guaranteed:</b> a score that fails after its acquire
 * (the enclave down, the consent refused) still counts; callers should check consent first.
 */
@ApplicationScoped
public class ScoreQuotas {
  private final ScoreQuotaStore store;
  private final SafehouseConfig.Quota limits;

  ScoreQuotas(ScoreQuotaStore store, SafehouseConfig config) {
    this.store = store;
    this.limits = config.scores().quota();
  }

  /**
   * Counts one score of {@code institution} about {@code uscc} on the UTC day of {@code now}.
   *
   * @param institution the institution's organisation id
   * @throws QuotaExceededException 429 if either daily quota is used up; {@code Retry-After} is the
   *     seconds until the next UTC midnight
   * @throws DatabaseUnavailableException 503 if the counters cannot be reached
   */
  public void acquire(String institution, Uscc uscc, Instant now) {
    Objects.requireNonNull(institution, "institution");
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    ScoreQuotaStore.Outcome outcome;
    try {
      outcome =
          store.take(
              institution,
              uscc.value(),
              day,
              limits.perInstitutionPerDay(),
              limits.perEnterprisePerDay());
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("the score quotas cannot be reached right now", e);
    }
    switch (outcome) {
      case TAKEN -> {}
      case INSTITUTION_LIMIT ->
          throw new QuotaExceededException(
              "the institution's daily score quota is used up", untilNextDay(now, day));
      case ENTERPRISE_LIMIT ->
          throw new QuotaExceededException(
              "the institution's daily score quota for this enterprise is used up",
              untilNextDay(now, day));
    }
  }

  /** Returns the whole seconds from {@code now} to the next UTC midnight, rounded up. */
  static long untilNextDay(Instant now, LocalDate day) {
    Instant midnight = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Duration left = Duration.between(now, midnight);
    return left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
  }
}
