package dev.safehouse.api;

import static io.restassured.RestAssured.given;

import dev.safehouse.common.Role;
import dev.safehouse.common.Uscc;
import dev.safehouse.testing.ResearchData;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run by {@code bench/run-score.sh}; its name keeps it out of {@code mvn
 * verify}): fused scores per second over HTTP — JWT, consent check, quota, enclave score and
 * signature, durable audit entry, kept release — beside a no-op JWT-protected endpoint ({@code GET
 * /v1/me}) on the same server in the same run, with {@code bench.clients} concurrent clients.
 */
@QuarkusTest
class ScoreBench {
  @TestHTTPResource("/")
  URI server;

  @Test
  void run() throws Exception {
    int requests = Integer.getInteger("bench.requests", 5_000);
    int clients = Integer.getInteger("bench.clients", 16);
    int warmupSeconds = Integer.getInteger("bench.warmup-seconds", 90);
    int rounds = Integer.getInteger("bench.rounds", 3);
    ResearchData.load(server);
    List<Uscc> enterprises = ResearchData.usccs();
    List<String> bodies = new ArrayList<>();
    for (Uscc uscc : enterprises) {
      String consent =
          given()
              .auth()
              .oauth2(TestTokens.subject("owner", uscc))
              .contentType("application/json")
              .body(
                  "{\"institution\":\"bench-bank\",\"purposes\":[\"pre-loan\"],\"validUntil\":\""
                      + Instant.now().plus(30, ChronoUnit.DAYS)
                      + "\"}")
              .post("/v1/consents")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      bodies.add(
          "{\"uscc\":\""
              + uscc.value()
              + "\",\"purpose\":\"pre-loan\",\"consentId\":\""
              + consent
              + "\"}");
    }
    String token =
        TestTokens.withOrganisation(Role.INSTITUTION, "officer", "bench-bank", Duration.ofHours(1));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI me = server.resolve("/v1/me");
    URI scores = server.resolve("/v1/scores");
    RequestFactory noopRequest = i -> HttpRequest.newBuilder(me).GET();
    RequestFactory scoreRequest =
        i ->
            HttpRequest.newBuilder(scores)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size())));
    // Warm-up, like JMH's warm-up iterations: the JIT compiles both paths (tens of thousands of
    // methods on two cores) before anything is measured.
    long warmUntil = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
    while (System.nanoTime() < warmUntil) {
      measure(http, clients, requests / 4, noopRequest, token);
      measure(http, clients, requests / 4, scoreRequest, token);
    }
    print(
        "%d requests per path per round, %d concurrent clients, %d s warm-up",
        requests, clients, warmupSeconds);
    List<Double> ratios = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      phase("no-op round " + round);
      Result noop = measure(http, clients, requests, noopRequest, token);
      phase("scores round " + round);
      Result scored = measure(http, clients, requests, scoreRequest, token);
      double ratio = scored.perSecond / noop.perSecond;
      ratios.add(ratio);
      print("round %d: no-op JWT endpoint GET /v1/me: %s", round, noop);
      print(
          "round %d: POST /v1/scores (consent, quota, enclave, signature, audit): %s",
          round, scored);
      print("round %d: ratio scores / no-op: %.2fx", round, ratio);
    }
    phase("done");
    Collections.sort(ratios);
    print(
        "median ratio scores / no-op over %d rounds: %.2fx (min %.2fx, max %.2fx; target >= 0.5x)",
        rounds, ratios.get(ratios.size() / 2), ratios.get(0), ratios.get(ratios.size() - 1));
  }

  /** Throughput and latency of one path. */
  private record Result(
      double perSecond, double p50, double p99, int failures, CpuTime.PerRequest cpu) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%.0f requests/s, p50 %.1f ms, p99 %.1f ms, %d not 200; CPU per request: %s",
          perSecond,
          p50,
          p99,
          failures,
          cpu);
    }
  }

  private interface RequestFactory {
    HttpRequest.Builder build(int index);
  }

  private static Result measure(
      HttpClient http, int clients, int requests, RequestFactory factory, String token)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    List<Future<List<Double>>> workers = new ArrayList<>();
    CpuTime cpuBefore = CpuTime.now();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      workers.add(
          pool.submit(
              () -> {
                List<Double> latencies = new ArrayList<>();
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                  HttpRequest request =
                      factory.build(i).header("Authorization", "Bearer " + token).build();
                  long t = System.nanoTime();
                  HttpResponse<String> response =
                      http.send(request, HttpResponse.BodyHandlers.ofString());
                  latencies.add((System.nanoTime() - t) / 1e6);
                  if (response.statusCode() != 200) {
                    failures.incrementAndGet();
                  }
                }
                return latencies;
              }));
    }
    List<Double> all = new ArrayList<>();
    for (Future<List<Double>> worker : workers) {
      all.addAll(worker.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    CpuTime.PerRequest cpu = CpuTime.now().since(cpuBefore, requests);
    pool.shutdown();
    Collections.sort(all);
    return new Result(
        requests / seconds,
        all.get(all.size() / 2),
        all.get((int) Math.min(all.size() - 1, Math.ceil(all.size() * 0.99) - 1)),
        failures.get(),
        cpu);
  }

  /**
   * Names the running phase in the file {@code bench.phase-file}, if set, so that a profiler can be
   * attached to exactly one path's round (surefire prints this JVM's output only at its end).
   */
  private static void phase(String name) throws java.io.IOException {
    String file = System.getProperty("bench.phase-file");
    if (file != null) {
      java.nio.file.Files.writeString(java.nio.file.Path.of(file), name + "\n");
    }
  }

  private static void print(String format, Object... args) {
    System.out.println("[score-bench] " + String.format(Locale.ROOT, format, args));
  }
}
