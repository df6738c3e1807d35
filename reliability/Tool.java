// Load generator and receipt checker for the reliability scripts. Run with the packaged service's
// classpath:  java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*:..." reliability/Tool.java
//   load URL TARGETS OUT THREADS     score requests until OUT/stop exists; the institution token is
//                                    read from $INST_TOKEN_FILE; TARGETS has "uscc consentId" lines;
//                                    every answer goes to OUT/results.log as
//                                    "startMs endMs status problemType"; each 200's receipt to
//                                    OUT/receipts/results-N.json
//   research URL QUERIES OUT THREADS runs of dp-open queries until OUT/stop exists; the researcher
//                                    token is read from $RESEARCH_TOKEN_FILE; QUERIES has
//                                    "projectId queryId" lines; answers go to OUT/research.log as
//                                    "startMs endMs status problemType projectId runId epsilon",
//                                    receipts to OUT/receipts/research-N.json
//   verify URL OUT PLATFORM_KEY MEASUREMENT
//                                    attests the enclave (auditor token in $AUDITOR_TOKEN_FILE),
//                                    verifies every receipt (checkpoint signature, inclusion proof)
//                                    and that the current log holds the same leaf at its index
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.cli.audit.AuditApi;
import dev.safehouse.cli.audit.CheckpointVerifier;
import dev.safehouse.cli.audit.EntryPage;
import dev.safehouse.cli.audit.LogEntry;
import dev.safehouse.cli.audit.Receipt;
import dev.safehouse.cli.audit.ReceiptVerifier;
import dev.safehouse.cli.provider.ApiClient;
import dev.safehouse.cli.provider.AttestCommand;
import dev.safehouse.crypto.AttestationDocument;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Verifier;
import java.io.PrintWriter;
import java.io.FileWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

public class Tool {
  static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "load" -> load(args[1], Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]));
      case "research" ->
          research(args[1], Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]));
      case "verify" -> System.exit(verify(args[1], Path.of(args[2]), Path.of(args[3]), args[4]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static void load(String url, Path targetsFile, Path out, int threads) throws Exception {
    String token = Files.readString(Path.of(System.getenv("INST_TOKEN_FILE"))).strip();
    List<String[]> targets = lines(targetsFile);
    drive(
        out,
        "results.log",
        threads,
        i -> {
          String[] target = targets.get((int) (i % targets.size()));
          String body =
              "{\"uscc\":\"" + target[0] + "\",\"purpose\":\"pre-loan\",\"consentId\":\""
                  + target[1] + "\"}";
          return post(url + "/v1/scores", token, body);
        },
        (i, answer) -> "");
  }

  /**
   * Research runs of dp-open queries: QUERIES has "projectId queryId" lines. Each answer's line
   * also names the project and, for a 200, the run id and the ε the answer says was charged.
   */
  static void research(String url, Path queriesFile, Path out, int threads) throws Exception {
    String token = Files.readString(Path.of(System.getenv("RESEARCH_TOKEN_FILE"))).strip();
    List<String[]> queries = lines(queriesFile);
    drive(
        out,
        "research.log",
        threads,
        i ->
            post(
                url + "/v1/queries/" + queries.get((int) (i % queries.size()))[1] + "/runs",
                token,
                "{\"parameters\":{}}"),
        (i, answer) -> {
          String project = queries.get((int) (i % queries.size()))[0];
          if (answer == null) {
            return " " + project + " - -";
          }
          JsonNode result = answer.path("result");
          return " " + project + " " + result.path("runId").asText("?") + " "
              + result.path("epsilonSpent").asText("?");
        });
  }

  interface Requests {
    HttpRequest request(long i);
  }

  interface Details {
    String of(long i, JsonNode answer);
  }

  /**
   * Sends requests from THREADS workers until OUT/stop exists. Every answer goes to OUT/LOG as
   * "startMs endMs status problemType" plus {@code details}; every 200's receipt to
   * OUT/receipts/ (a name unique across logs).
   */
  static void drive(Path out, String logName, int threads, Requests requests, Details details)
      throws Exception {
    Files.createDirectories(out.resolve("receipts"));
    Path stop = out.resolve("stop");
    String prefix = logName.replace(".log", "-");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    AtomicLong seq = new AtomicLong();
    PrintWriter log = new PrintWriter(new FileWriter(out.resolve(logName).toFile()), true);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int me = t;
      Thread w =
          new Thread(
              () -> {
                long i = me;
                while (!Files.exists(stop)) {
                  long n = i;
                  i += threads;
                  long start = System.currentTimeMillis();
                  int status;
                  String type = "-";
                  String extra;
                  try {
                    HttpResponse<String> resp =
                        http.send(requests.request(n), HttpResponse.BodyHandlers.ofString());
                    status = resp.statusCode();
                    if (status == 200) {
                      JsonNode answer = JSON.readTree(resp.body());
                      Files.writeString(
                          out.resolve("receipts/" + prefix + seq.incrementAndGet() + ".json"),
                          JSON.writeValueAsString(answer.path("receipt")));
                      extra = details.of(n, answer);
                    } else {
                      String ct = resp.headers().firstValue("Content-Type").orElse("");
                      type = ct.contains("problem+json")
                          ? JSON.readTree(resp.body()).path("type").asText("?")
                              .replace("https://safehouse.dev/problems/", "")
                          : "not-problem-json(" + ct + ")";
                      extra = details.of(n, null);
                    }
                  } catch (Exception e) {
                    status = 0; // no HTTP answer: connection refused / reset / timeout
                    type = e.getClass().getSimpleName();
                    extra = details.of(n, null);
                  }
                  synchronized (log) {
                    log.println(
                        start + " " + System.currentTimeMillis() + " " + status + " " + type + extra);
                  }
                  if (status == 0) {
                    try {
                      Thread.sleep(50);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                }
              });
      w.start();
      workers.add(w);
    }
    for (Thread w : workers) w.join();
    log.close();
  }

  static List<String[]> lines(Path file) throws Exception {
    List<String[]> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) lines.add(line.strip().split("\\s+"));
    }
    return lines;
  }

  static HttpRequest post(String uri, String token, String body) {
    return HttpRequest.newBuilder(URI.create(uri))
        .timeout(Duration.ofSeconds(15))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  static int verify(String url, Path out, Path platformKeyFile, String measurement)
      throws Exception {
    String token = Files.readString(Path.of(System.getenv("AUDITOR_TOKEN_FILE"))).strip();
    ApiClient api = new ApiClient(URI.create(url), token);
    Verifier platform = AttestCommand.readPlatformKey(Files.readString(platformKeyFile));
    AttestationDocument doc = AttestCommand.attest(api, platform, measurement, true);
    CryptoSuite suite = CryptoSuite.fromWireName(doc.suite());
    CheckpointVerifier checkpoints =
        new CheckpointVerifier(suite.verifierFromText(doc.signingKey()), "the attested log key");
    ReceiptVerifier receipts = new ReceiptVerifier(checkpoints);
    // Every leaf hash of the current log, from its entries' exact bytes.
    AuditApi audit = new AuditApi(api);
    Map<Long, byte[]> leaves = new HashMap<>();
    long size = checkpoints.verify(audit.checkpoint()).size();
    long start = 0;
    while (start < size) {
      EntryPage page = audit.entries(start, Math.min(size, start + 1000));
      for (LogEntry e : page.entries()) {
        MessageDigest sha = suite.newDigest(); // the suite's Merkle hash (SHA-256 or SM3)
        sha.update((byte) 0);
        leaves.put(e.index(), sha.digest(e.bytes()));
      }
      if (page.entries().isEmpty()) {
        break; // the server serves no more
      }
      // next continues the requested range; the range's end is where the next request starts
      start = page.next().orElse(start + page.entries().size());
    }
    int verified = 0;
    int failed = 0;
    int lost = 0;
    List<Path> files;
    try (var s = Files.list(out.resolve("receipts"))) {
      files = s.toList();
    }
    for (Path f : files) {
      Receipt r;
      try {
        r = Receipt.parse(Files.readString(f));
        receipts.verify(r, Optional.empty());
      } catch (Exception e) {
        failed++;
        System.out.println("receipt " + f.getFileName() + " does not verify: " + e.getMessage());
        continue;
      }
      byte[] leaf = leaves.get(r.leafIndex());
      if (leaf == null || !Arrays.equals(leaf, r.leafHash().bytes())) {
        lost++;
        System.out.println(
            "receipt " + f.getFileName() + ": leaf " + r.leafIndex() + " is not in the log of size "
                + size + (leaf == null ? "" : " with that hash"));
      } else {
        verified++;
      }
    }
    System.out.println(
        "receipts=" + files.size() + " verified=" + verified + " failed=" + failed + " lost=" + lost
            + " logSize=" + size);
    return failed == 0 && lost == 0 ? 0 : 1;
  }
}
