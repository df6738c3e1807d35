package dev.safehouse.service;

import dev.safehouse.common.Uscc;
import dev.safehouse.config.SafehouseConfig;
import dev.safehouse.storage.DatabaseUnavailableException;
import dev.safehouse.storage.ScoreQuotaStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Daily quotas on the scores an institution takes, against scraping: at most {@code
 * safehouse.scores.quota.per-institution-per-day} in total and {@code …per-enterprise-per-day}
 * about any one enterprise, per UTC day.
 *
 * <h2>Guarantees</h2>
 *
 * Counting is in memory, so a score costs no database round trip: exact under any number of
 * concurrent callers in this process (the service runs as one instance: its audit log has one
 * writer). A refused acquire counts nothing against either quota. Quotas reset at 00:00 UTC. A
 * counter is read from PostgreSQL ({@link ScoreQuotaStore}) the first time it is used, and every
 * change is written back within {@code safehouse.scores.quota.flush-interval} and at shutdown, so
 * counts survive restarts. <b>Not guaranteed:</b> after a crash, the counts of the last flush
 * interval are forgotten (allowing that many more scores that day); a score that fails after its
 * acquire (the enclave down) still counts, so callers check consent first.
 */
@ApplicationScoped
public class ScoreQuotas {
  private static final Logger LOG = Logger.getLogger(ScoreQuotas.class);

  private final ScoreQuotaStore store;
  private final SafehouseConfig.Quota limits;
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
  private final Set<Key> unsaved = ConcurrentHashMap.newKeySet();
  private final Clock clock = Clock.systemUTC();
  private ScheduledExecutorService flusher;
  private LocalDate pruned;

  ScoreQuotas(ScoreQuotaStore store, SafehouseConfig config) {
    this.store = store;
    this.limits = config.scores().quota();
  }

  /** A counter's identity: the institution's total has the uscc {@code *}. */
  private record Key(String institution, String uscc, LocalDate day) {}

  /** A day's count; guarded by its own monitor. */
  private static final class Counter {
    int used;

    Counter(int used) {
      this.used = used;
    }
  }

  void start(@Observes StartupEvent event) {
    flusher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "score-quota-flusher");
              thread.setDaemon(true);
              return thread;
            });
    long interval = limits.flushInterval().toMillis();
    flusher.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (flusher != null) {
      flusher.shutdown();
    }
    flushQuietly();
  }

  /**
   * Counts one score of {@code institution} about {@code uscc} on the UTC day of {@code now}.
   *
   * @param institution the institution's organisation id
   * @throws QuotaExceededException 429 if either daily quota is used up; {@code Retry-After} is the
   *     seconds until the next UTC midnight
   * @throws DatabaseUnavailableException 503 if a counter used for the first time cannot be read
   */
  public void acquire(String institution, Uscc uscc, Instant now) {
    Objects.requireNonNull(institution, "institution");
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Key totalKey = new Key(institution, ScoreQuotaStore.ALL_ENTERPRISES, day);
    Key enterpriseKey = new Key(institution, uscc.value(), day);
    Counter total = counter(totalKey);
    Counter enterprise = counter(enterpriseKey);
    synchronized (total) { // always the total's monitor first: no deadlock
      synchronized (enterprise) {
        if (enterprise.used >= limits.perEnterprisePerDay()) {
          throw new QuotaExceededException(
              "the institution's daily score quota for this enterprise is used up",
              untilNextDay(now, day));
        }
        if (total.used >= limits.perInstitutionPerDay()) {
          throw new QuotaExceededException(
              "the institution's daily score quota is used up", untilNextDay(now, day));
        }
        enterprise.used++;
        total.used++;
      }
    }
    unsaved.add(enterpriseKey);
    unsaved.add(totalKey);
  }

  /**
   * Writes every changed counter to PostgreSQL now, and forgets counters of past days.
   *
   * @throws DatabaseUnavailableException if they cannot be written (they stay marked as changed)
   */
  public void flush() {
    List<Key> keys = new ArrayList<>(unsaved);
    unsaved.removeAll(keys);
    List<ScoreQuotaStore.Count> counts = new ArrayList<>(keys.size());
    for (Key key : keys) {
      Counter counter = counters.get(key);
      if (counter == null) {
        continue;
      }
      synchronized (counter) {
        counts.add(
            new ScoreQuotaStore.Count(key.institution(), key.uscc(), key.day(), counter.used));
      }
    }
    try {
      store.save(counts);
    } catch (SQLException e) {
      unsaved.addAll(keys);
      throw new DatabaseUnavailableException("the score quotas cannot be saved right now", e);
    }
    LocalDate today = LocalDate.now(clock);
    if (!today.equals(pruned)) {
      // Yesterday's counters stay a day, for requests that straddle midnight.
      LocalDate keepFrom = today.minusDays(1);
      counters.keySet().removeIf(key -> key.day().isBefore(keepFrom) && !unsaved.contains(key));
      try {
        store.deleteBefore(keepFrom);
        pruned = today;
      } catch (SQLException e) {
        LOG.warnf("old score quota rows not deleted (SQL state %s)", e.getSQLState());
      }
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (DatabaseUnavailableException e) {
      LOG.warn("score quota counts not saved yet; retrying at the next interval");
    } catch (RuntimeException e) {
      LOG.errorf("score quota flush failed: %s", e.getClass().getSimpleName());
    }
  }

  private Counter counter(Key key) {
    Counter known = counters.get(key);
    if (known != null) {
      return known;
    }
    return counters.computeIfAbsent(
        key,
        k -> {
          try {
            return new Counter(store.used(k.institution(), k.uscc(), k.day()));
          } catch (SQLException e) {
            throw new DatabaseUnavailableException(
                "the score quotas cannot be reached right now", e);
          }
        });
  }

  /** Returns the whole seconds from {@code now} to the next UTC midnight, rounded up. */
  static long untilNextDay(Instant now, LocalDate day) {
    Instant midnight = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Duration left = Duration.between(now, midnight);
    return left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
  }
}
