package dev.safehouse.api;

import dev.safehouse.cli.demo.SyntheticCreditData;
import dev.safehouse.crypto.Signer;
import dev.safehouse.testing.TestDatasets;
import dev.safehouse.testing.TestSuite;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run by {@code bench/run-memory.sh}; its name keeps it out of {@code mvn
 * verify}): the enclave child's resident memory per byte of plaintext it holds. Uploads the three
 * synthetic datasets for {@code bench.enterprises} enterprises through the provider path and reads
 * the child's {@code VmRSS} and {@code VmHWM} (peak) from {@code /proc} before and after; the
 * plaintext bytes are the CSV files' sizes.
 */
@QuarkusTest
class EnclaveMemoryBench {
  private static final String[] DATASETS = {"public-credit", "market-credit", "financial-credit"};

  @TestHTTPResource("/")
  URI server;

  @Test
  void run() throws Exception {
    int enterprises = Integer.getInteger("bench.enterprises", 1_000_000);
    Path dir = Files.createTempDirectory("memory-bench");
    SyntheticCreditData.write(dir, enterprises, 13);
    long enclave =
        ProcessHandle.current()
            .descendants()
            .filter(p -> p.info().commandLine().orElse("").contains("DisableAttachMechanism"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no enclave child process"))
            .pid();
    long before = kib(enclave, "VmRSS");
    long plaintext = 0;
    Signer key = TestSuite.current().newSigner();
    TestDatasets.registerKey(key);
    for (String dataset : DATASETS) {
      byte[] csv = Files.readAllBytes(dir.resolve(dataset + ".csv"));
      plaintext += csv.length;
      TestDatasets.load(server, dir, key, dataset, csv, 8 << 20);
    }
    long after = kib(enclave, "VmRSS");
    long peak = kib(enclave, "VmHWM");
    print(
        "%d enterprises, %.1f MiB of plaintext CSV in three datasets",
        enterprises, plaintext / 1048576.0);
    print(
        "enclave resident memory: %.1f MiB before, %.1f MiB after loading, peak %.1f MiB",
        before / 1024.0, after / 1024.0, peak / 1024.0);
    print(
        "enclave memory per plaintext byte: %.2f resident after loading (growth %.2f), %.2f at"
            + " peak",
        after * 1024.0 / plaintext,
        (after - before) * 1024.0 / plaintext,
        peak * 1024.0 / plaintext);
  }

  /** A {@code /proc/<pid>/status} field in KiB. */
  private static long kib(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException(field + " not found");
  }

  private static void print(String format, Object... args) {
    System.out.println("[memory-bench] " + String.format(Locale.ROOT, format, args));
  }
}
