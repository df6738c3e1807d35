package dev.safehouse.service;

import static io.restassured.RestAssured.given;

import dev.safehouse.audit.AuditEntry;
import dev.safehouse.common.Role;
import dev.safehouse.common.Uscc;
import dev.safehouse.storage.AuditStore;
import dev.safehouse.testing.Poll;
import dev.safehouse.testing.TestSuite;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run by {@code bench/run-audit.sh}; its name keeps it out of {@code mvn
 * verify}): durable audit appends per second, after a warm-up of {@code bench.warmup} entries,
 * through the real writer — enclave-signed checkpoints, group commit into PostgreSQL — in {@code
 * bench.rounds} rounds of {@code bench.appends} entries (median reported), beside a baseline
 * measured in the same run: one synchronous INSERT and commit per entry on the same database. Then
 * fills the log to {@code bench.leaves} leaves and measures inclusion-proof latency through the
 * HTTP API.
 *
 * <p>The service runs in the crypto suite of {@link TestSuite#current()} (system property {@code
 * safehouse.test.suite}, default {@code intl}): Merkle hashes, checkpoint signatures and the
 * enclave's keys are that suite's. Every line names the suite; {@code bench/run-audit.sh} runs one
 * JVM per suite, alternating, and computes the sm/intl ratio.
 */
@QuarkusTest
class AuditBench {
  private static final int PRODUCERS = 4;
  private static final int IN_FLIGHT = 500;

  @Inject AuditLog log;
  @Inject AuditStore store;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @Test
  void run() throws Exception {
    long measured = Long.getLong("bench.appends", 200_000);
    int rounds = Integer.getInteger("bench.rounds", 1);
    long warmup = Long.getLong("bench.warmup", 100_000);
    long leaves = Long.getLong("bench.leaves", 1_000_000);
    Poll.until(
        Duration.ofSeconds(60),
        "the audit log",
        () ->
            log.logKey().isPresent()
                && given()
                        .auth()
                        .oauth2(TestTokens.valid(Role.AUDITOR, "a"))
                        .get("/v1/audit/checkpoint")
                        .statusCode()
                    == 200);

    double baseline = baselinePerSecond(2_000);
    appendAll(warmup); // JIT warm-up, not counted (like JMH's warm-up iterations)
    double[] rates = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      appendAll(measured);
      double seconds = (System.nanoTime() - start) / 1e9;
      rates[round] = measured / seconds;
      if (rounds > 1) {
        print(
            "round %d: %d entries in %.2f s = %.0f durable entries/s",
            round + 1, measured, seconds, rates[round]);
      }
    }
    Arrays.sort(rates);
    double rate = rates[rounds / 2];
    print("baseline: one INSERT + synchronous COMMIT per entry: %.0f entries/s", baseline);
    print(
        "group commit through the enclave: %d entries x %d rounds, median = %.0f durable entries/s"
            + " (min %.0f, max %.0f; %.1fx the baseline; target >= 20000/s)",
        measured, rounds, rate, rates[0], rates[rounds - 1], rate / baseline);

    long size = store.latest().orElseThrow().size();
    if (size < leaves) {
      long fillStart = System.nanoTime();
      appendAll(leaves - size);
      print("filled the log to %d leaves in %.1f s", leaves, (System.nanoTime() - fillStart) / 1e9);
    }
    proofLatency(store.latest().orElseThrow().size());
  }

  private void proofLatency(long size) {
    SecureRandom random = new SecureRandom();
    String token = TestTokens.valid(Role.AUDITOR, "a");
    for (int i = 0; i < 200; i++) { // warm-up
      fetchProof(token, random.nextLong(size), size);
    }
    double[] millis = new double[1000];
    for (int i = 0; i < millis.length; i++) {
      long t = System.nanoTime();
      fetchProof(token, Math.floorMod(random.nextLong(), size), size);
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(millis);
    print(
        "inclusion proof over HTTP at %d leaves: median %.2f ms, p99 %.2f ms, max %.2f ms",
        size, millis[500], millis[990], millis[999]);
  }

  private static void fetchProof(String token, long index, long size) {
    given()
        .auth()
        .oauth2(token)
        .queryParam("index", index)
        .queryParam("treeSize", size)
        .get("/v1/audit/proofs/inclusion")
        .then()
        .statusCode(200);
  }

  /**
   * Appends {@code count} entries from {@value #PRODUCERS} threads, each keeping up to {@value
   * #IN_FLIGHT} entries in flight, and waits until all are durable.
   */
  private void appendAll(long count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS);
    AtomicLong left = new AtomicLong(count);
    try {
      List<Future<?>> producers = new ArrayList<>();
      for (int p = 0; p < PRODUCERS; p++) {
        producers.add(
            pool.submit(
                () -> {
                  Semaphore window = new Semaphore(IN_FLIGHT);
                  List<CompletableFuture<?>> pending = new ArrayList<>();
                  while (left.getAndDecrement() > 0) {
                    window.acquire();
                    pending.add(log.appendAsync(entry()).whenComplete((r, e) -> window.release()));
                  }
                  for (CompletableFuture<?> done : pending) {
                    done.get(); // fails the benchmark if any entry was not made durable
                  }
                  return null;
                }));
      }
      for (Future<?> producer : producers) {
        producer.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static AuditEntry entry() {
    return new AuditEntry(
        Instant.now(),
        new AuditEntry.Actor("loan-officer-42", "institution", Optional.of("bank-of-bench")),
        "score.read",
        Optional.of("pre-loan"),
        new AuditEntry.Target(
            Optional.empty(), Optional.of(Uscc.parse("91350100M000100Y43")), Optional.empty()),
        AuditEntry.Decision.allow("consent", "quota"),
        Optional.of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
        Optional.empty(),
        Optional.empty());
  }

  private double baselinePerSecond(int count) throws Exception {
    byte[] entry = entry().canonicalBytes();
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE bench_baseline (id bigint PRIMARY KEY, entry bytea)");
      s.execute("SET synchronous_commit = on");
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO bench_baseline VALUES (?, ?)")) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
          insert.setLong(1, i);
          insert.setBytes(2, entry);
          insert.executeUpdate();
          c.commit();
        }
        return count / ((System.nanoTime() - start) / 1e9);
      }
    }
  }

  private static void print(String format, Object... args) {
    System.out.println(
        "[audit-bench] suite "
            + TestSuite.current().wireName()
            + ": "
            + String.format(Locale.ROOT, format, args));
  }
}
