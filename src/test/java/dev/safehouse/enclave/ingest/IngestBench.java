package dev.safehouse.enclave.ingest;

import dev.safehouse.cli.demo.SyntheticCreditData;
import dev.safehouse.common.DatasetId;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.DataKey;
import dev.safehouse.crypto.EnclavePublicKeys;
import dev.safehouse.crypto.Envelope;
import dev.safehouse.crypto.InsecureDevKeyGenerator;
import dev.safehouse.crypto.Signer;
import dev.safehouse.enclave.protocol.InitRequest;
import dev.safehouse.enclave.protocol.InitResponse;
import dev.safehouse.enclave.protocol.LoadRequest;
import dev.safehouse.enclave.protocol.LoadResponse;
import dev.safehouse.enclave.store.EnclaveTables;
import dev.safehouse.policy.DatasetSchemas;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.duckdb.DuckDBDriver;

/**
 * Benchmark, not a test (run by {@code bench/run-ingest.sh}): enclave ingest throughput of N
 * enterprises × 3 datasets — envelope checks, streaming decryption, CSV parsing, validation, DuckDB
 * load, Merkle root — for each crypto suite asked for (issue 9: {@code intl} and {@code sm}),
 * beside raw AES-256-GCM decryption of the same number of bytes, in 1 MiB segments, in the same
 * JVM.
 *
 * <p>Each suite has its own enclave context, initialised through {@link InitHandler} in that suite
 * (fresh enclave keys), and its own envelopes, written by {@link Envelope#write} with a provider
 * key of the suite; every round loads each suite's three envelopes through {@link LoadHandler}, the
 * suites alternating which goes first. Reports each suite's median, the sm/intl ratio of the
 * medians, the range and median of the per-round ratios (a round's two suites run back to back, so
 * on a shared machine the per-round ratio absorbs most of the noise), and the ingest/raw ratio.
 *
 * <p>Arguments: {@code N ROUNDS WARMUP [SUITES]}, SUITES a comma-separated list (default {@code
 * intl,sm}; also the system property {@code bench.suites}).
 */
public final class IngestBench {
  private static final String[] DATASETS = {"public-credit", "market-credit", "financial-credit"};

  private IngestBench() {}

  /** One suite's enclave, provider key and envelopes. */
  private record Subject(
      CryptoSuite suite, EnclaveContext context, Signer provider, byte[][] envelopes) {}

  public static void main(String[] args) throws Exception {
    int entities = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    String suiteList = args.length > 3 ? args[3] : System.getProperty("bench.suites", "intl,sm");
    List<CryptoSuite> suites = new ArrayList<>();
    for (String name : suiteList.split(",")) {
      suites.add(CryptoSuite.fromWireName(name.strip()));
    }
    Path dir = Files.createTempDirectory("safehouse-bench-");
    Path policies = Path.of("policies");
    SyntheticCreditData.write(dir.resolve("csv"), entities, 1);

    Path master = dir.resolve("master.json");
    Files.writeString(master, InsecureDevKeyGenerator.masterKeysetJson());
    DataKey.warmUp(); // as the enclave does at start
    DatasetSchemas schemas = DatasetSchemas.load(policies);
    long plaintextBytes = 0;
    long rows = 0;
    long[] lines = new long[3];
    for (int i = 0; i < 3; i++) {
      Path csv = dir.resolve("csv").resolve(DATASETS[i] + ".csv");
      try (var stream = Files.lines(csv)) {
        lines[i] = stream.count() - 1;
      }
      rows += lines[i];
      plaintextBytes += Files.size(csv);
    }
    List<Subject> subjects = new ArrayList<>();
    for (CryptoSuite suite : suites) {
      EnclaveContext context = new EnclaveContext(EnclaveTables.open());
      InitResponse init =
          (InitResponse)
              new InitHandler(context)
                  .handle(
                      new InitRequest(
                          suite.wireName(),
                          "local-kms://" + master,
                          new byte[0],
                          new byte[0],
                          policies.toString(),
                          ""));
      EnclavePublicKeys enclave =
          EnclavePublicKeys.of(suite, init.wrappingKey(), init.signingKey());
      Signer provider = suite.newSigner();
      byte[][] envelopes = new byte[3][];
      for (int i = 0; i < 3; i++) {
        Path csv = dir.resolve("csv").resolve(DATASETS[i] + ".csv");
        Path out = dir.resolve(suite.wireName() + "-" + DATASETS[i] + ".envelope");
        try (InputStream in = Files.newInputStream(csv)) {
          String hash = schemas.find(DatasetId.parse(DATASETS[i])).orElseThrow().schemaHash();
          Envelope.write(
              in,
              out,
              new Envelope.Description(DATASETS[i], "bench", hash, lines[i]),
              enclave,
              provider);
        }
        envelopes[i] = Files.readAllBytes(out);
      }
      subjects.add(new Subject(suite, context, provider, envelopes));
    }
    byte[][] gcm = aesGcmSegments(plaintextBytes);

    double mib = plaintextBytes / 1048576.0;
    System.out.printf(
        Locale.ROOT,
        "entities %d, rows %d, plaintext %.1f MiB; suites %s; %d rounds after %d warm-up"
            + " (suites alternate which goes first); Java %s, %d cores%n",
        entities,
        rows,
        mib,
        suiteList,
        rounds,
        warmup,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    // Warm-up rounds let the JIT compile every path (AES-GCM and GHASH intrinsics only apply once
    // C2 has compiled their callers); only the measured rounds are reported.
    int n = subjects.size();
    double[][] ingestTimes = new double[n][rounds];
    double[] rawTimes = new double[rounds];
    for (int round = -warmup + 1; round <= rounds; round++) {
      String label = round <= 0 ? "warm-up" : "round " + round;
      StringBuilder line = new StringBuilder(label).append(':');
      double[] times = new double[n];
      for (int k = 0; k < n; k++) {
        int s = Math.floorMod(k + round, n); // alternate which suite goes first
        Subject subject = subjects.get(s);
        times[s] = ingest(subject);
      }
      long start = System.nanoTime();
      decryptRaw(gcm);
      double raw = (System.nanoTime() - start) / 1e9;
      for (int s = 0; s < n; s++) {
        line.append(
            String.format(
                Locale.ROOT,
                " %s ingest %.2f s (%.0f rows/s, %.1f MiB/s);",
                subjects.get(s).suite(),
                times[s],
                rows / times[s],
                mib / times[s]));
        if (round > 0) {
          ingestTimes[s][round - 1] = times[s];
        }
      }
      if (round > 0) {
        rawTimes[round - 1] = raw;
      }
      line.append(String.format(Locale.ROOT, " raw AES-GCM %.3f s (%.1f MiB/s)", raw, mib / raw));
      if (n == 2) {
        line.append(
            String.format(
                Locale.ROOT,
                "; %s/%s throughput %.3f",
                subjects.get(1).suite(),
                subjects.get(0).suite(),
                times[0] / times[1]));
      }
      System.out.println(line);
    }
    double duckDb = duckDbReadCsv(dir.resolve("csv"), DATASETS);
    double[] sortedRaw = rawTimes.clone();
    Arrays.sort(sortedRaw);
    double raw = sortedRaw[rounds / 2];
    double[] medians = new double[n];
    for (int s = 0; s < n; s++) {
      double[] sorted = ingestTimes[s].clone();
      Arrays.sort(sorted);
      medians[s] = sorted[rounds / 2];
      System.out.printf(
          Locale.ROOT,
          "median of %d: %s ingest %.2f s (min %.2f, max %.2f; %.0f rows/s, %.1f MiB/s),"
              + " ingest/raw throughput ratio %.3f%n",
          rounds,
          subjects.get(s).suite(),
          medians[s],
          sorted[0],
          sorted[rounds - 1],
          rows / medians[s],
          mib / medians[s],
          raw / medians[s]);
    }
    System.out.printf(
        Locale.ROOT,
        "median of %d: raw AES-GCM %.3f s (min %.3f, max %.3f; %.1f MiB/s)%n",
        rounds,
        raw,
        sortedRaw[0],
        sortedRaw[rounds - 1],
        mib / raw);
    if (n == 2) {
      double[] perRound = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        perRound[r] = ingestTimes[0][r] / ingestTimes[1][r];
      }
      Arrays.sort(perRound);
      System.out.printf(
          Locale.ROOT,
          "suites: %s/%s ingest throughput %.3f (ratio of the medians; per round %.3f to %.3f,"
              + " median of the per-round ratios %.3f)%n",
          subjects.get(1).suite(),
          subjects.get(0).suite(),
          medians[0] / medians[1],
          perRound[0],
          perRound[rounds - 1],
          perRound[rounds / 2]);
    }
    System.out.printf(
        Locale.ROOT,
        "context: DuckDB's own read_csv of the same plaintext (no crypto, validation or hashing)"
            + " %.2f s, %.1f MiB/s; %s ingest takes %.2f times as long%n",
        duckDb,
        mib / duckDb,
        subjects.get(0).suite(),
        medians[0] / duckDb);
    for (Subject subject : subjects) {
      subject.context().tables().close();
    }
  }

  /** Loads the subject's three envelopes through a fresh {@link LoadHandler}; returns seconds. */
  private static double ingest(Subject subject) {
    LoadHandler loads = new LoadHandler(subject.context());
    String providerKey = subject.provider().verifier().toText();
    long start = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      LoadResponse r = load(loads, DATASETS[i], subject.envelopes()[i], providerKey);
      if (r.state() != LoadResponse.State.LOADED) {
        throw new IllegalStateException(subject.suite() + " " + DATASETS[i] + ": " + r.report());
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Context for the ratio: DuckDB's native, multi-threaded CSV import of the same plaintext files
   * into a separate in-memory database (best of three), which no ingest into DuckDB can beat.
   */
  private static double duckDbReadCsv(Path csvDir, String[] datasets) throws Exception {
    double best = Double.MAX_VALUE;
    try (Connection db = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        Statement s = db.createStatement()) {
      for (int round = 0; round < 3; round++) {
        long start = System.nanoTime();
        for (String dataset : datasets) {
          String file = csvDir.resolve(dataset + ".csv").toString().replace("'", "''");
          s.execute(
              "CREATE OR REPLACE TABLE t_"
                  + dataset.replace('-', '_')
                  + " AS SELECT * FROM read_csv('"
                  + file
                  + "', header = true, all_varchar = false)");
        }
        best = Math.min(best, (System.nanoTime() - start) / 1e9);
      }
    }
    return best;
  }

  private static LoadResponse load(
      LoadHandler loads, String dataset, byte[] envelope, String providerKey) {
    int chunk = 8 * 1024 * 1024;
    LoadResponse last = null;
    for (int offset = 0; offset < envelope.length; offset += chunk) {
      byte[] part = Arrays.copyOfRange(envelope, offset, Math.min(envelope.length, offset + chunk));
      last =
          (LoadResponse)
              loads.handle(
                  new LoadRequest(
                      dataset,
                      1,
                      "bench",
                      providerKey,
                      offset,
                      offset + chunk >= envelope.length,
                      part));
    }
    return last;
  }

  /** The baseline's input: the same number of bytes, AES-256-GCM encrypted in 1 MiB segments. */
  private static byte[][] aesGcmSegments(long bytes) throws Exception {
    SecureRandom random = new SecureRandom();
    byte[] key = new byte[32];
    random.nextBytes(key);
    int segment = 1 << 20;
    int count = (int) ((bytes + segment - 1) / segment);
    byte[][] out = new byte[count + 1][];
    out[count] = key;
    byte[] plain = new byte[segment];
    random.nextBytes(plain);
    for (int i = 0; i < count; i++) {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce(i)));
      out[i] = cipher.doFinal(plain);
    }
    return out;
  }

  private static void decryptRaw(byte[][] segments) throws Exception {
    byte[] key = segments[segments.length - 1];
    long sink = 0;
    for (int i = 0; i < segments.length - 1; i++) {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce(i)));
      sink += cipher.doFinal(segments[i])[0];
    }
    if (sink == Long.MIN_VALUE) {
      System.out.println(sink);
    }
  }

  private static byte[] nonce(int i) {
    byte[] nonce = new byte[12];
    nonce[8] = (byte) (i >>> 24);
    nonce[9] = (byte) (i >>> 16);
    nonce[10] = (byte) (i >>> 8);
    nonce[11] = (byte) i;
    return nonce;
  }
}
