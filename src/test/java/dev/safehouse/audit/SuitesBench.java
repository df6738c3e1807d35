package dev.safehouse.audit;

import dev.safehouse.common.Uscc;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.DataKey;
import dev.safehouse.crypto.DatasetKey;
import dev.safehouse.crypto.Signer;
import dev.safehouse.crypto.SigningKey;
import dev.safehouse.crypto.UnwrappingKey;
import dev.safehouse.crypto.Verifier;
import dev.safehouse.crypto.WrappedDataKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Benchmark, not a test (run by {@code bench/run-suites.sh}; its name keeps it out of {@code mvn
 * verify}): the primitives each crypto suite uses for ingest and for the audit log, {@code intl}
 * beside {@code sm} in the same JVM, measured back to back in alternating order each round after
 * warm-up rounds:
 *
 * <ul>
 *   <li>dataset stream encryption and decryption throughput of SIZE_MB MiB of random data through
 *       {@link CryptoSuite#newDatasetKey()} (Tink {@code AES256_GCM_HKDF_1MB} / {@code
 *       Sm4GcmDataKey}), written and read in 1 MiB blocks;
 *   <li>data-key unwraps per second ({@link UnwrappingKey#unwrap}: HPKE / SM2 C1C3C2);
 *   <li>Merkle leaf hashes per second over canonical audit entries of about 400 bytes, and
 *       interior-node hashes per second (65-byte inputs, as every append and every row of an
 *       ingest's input root costs about one) ({@link MerkleHasher#forSuite}: SHA-256 / SM3);
 *   <li>checkpoint signatures signed and verified per second over checkpoint bodies: {@code intl}
 *       through the checkpoint's own Ed25519 note signer and verifier ({@link NoteSigner#ed25519}),
 *       {@code sm} through {@link CryptoSuite#newSigner()} (SM2, SM3, user id {@code
 *       1234567812345678}).
 * </ul>
 *
 * Reports every round, then per measure the median and min–max over the rounds and the ratio of the
 * medians sm/intl. Every output line starts with {@code [suite-bench]}. Single-threaded.
 */
public final class SuitesBench {
  private static final String PREFIX = "[suite-bench] ";
  private static final int BLOCK = 1 << 20;
  private static final String ORIGIN = "safehouse.bench/audit";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final CryptoSuite[] SUITES = {CryptoSuite.INTL, CryptoSuite.SM};
  private static final String[] MEASURES = {
    "stream encryption MiB/s",
    "stream decryption MiB/s",
    "key unwraps/s",
    "Merkle leaf hashes/s",
    "Merkle node hashes/s",
    "checkpoint signatures/s",
    "checkpoint verifications/s"
  };

  private SuitesBench() {}

  public static void main(String[] args) throws Exception {
    int sizeMib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "1.0"));

    byte[] plaintext = new byte[sizeMib * BLOCK];
    RANDOM.nextBytes(plaintext);
    byte[] associatedData =
        "dataset=financial-credit;version=3;schema=9f86d081884c7d65"
            .getBytes(StandardCharsets.UTF_8);
    List<byte[]> entries = auditEntries(4096);
    LeafHash[] nodes = randomHashes(4096);
    byte[][] bodies = checkpointBodies(64);
    print(
        "%s, Java %s, %d cores; %d MiB per stream, %d rounds after %d warm-up, %.1f s per rate;"
            + " audit entries %.0f bytes on average (%d distinct); checkpoint bodies %d bytes",
        Instant.now(),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        sizeMib,
        rounds,
        warmup,
        seconds,
        entries.stream().mapToInt(e -> e.length).average().orElse(0),
        entries.size(),
        bodies[0].length);

    DataKey.warmUp(); // as the enclave does at start
    Fixture[] fixtures = new Fixture[SUITES.length];
    for (int s = 0; s < SUITES.length; s++) {
      fixtures[s] = new Fixture(SUITES[s], plaintext.length);
    }

    // results[measure][suite][round]
    double[][][] results = new double[MEASURES.length][SUITES.length][rounds];
    for (int round = -warmup + 1; round <= rounds; round++) {
      String label = round <= 0 ? "warm-up" : "round " + round;
      double[][] r = new double[MEASURES.length][SUITES.length];
      // Alternate which suite goes first, measure by measure, so drift in the machine's load
      // affects both alike.
      int[] order = Math.floorMod(round, 2) == 1 ? new int[] {0, 1} : new int[] {1, 0};
      for (int s : order) {
        r[0][s] = fixtures[s].encrypt(plaintext, associatedData);
      }
      for (int s : order) {
        r[1][s] = fixtures[s].decrypt(plaintext, associatedData, round == -warmup + 1);
      }
      for (int s : order) {
        r[2][s] = fixtures[s].unwraps(seconds);
      }
      for (int s : order) {
        r[3][s] = fixtures[s].leafHashes(entries, seconds);
      }
      for (int s : order) {
        r[4][s] = fixtures[s].nodeHashes(nodes, seconds);
      }
      for (int s : order) {
        r[5][s] = fixtures[s].signatures(bodies, seconds);
      }
      for (int s : order) {
        r[6][s] = fixtures[s].verifications(bodies, seconds);
      }
      for (int m = 0; m < MEASURES.length; m++) {
        print(
            "%s (%s first): %s: intl %s, sm %s, sm/intl %.3f",
            label,
            SUITES[order[0]],
            MEASURES[m],
            number(r[m][0]),
            number(r[m][1]),
            r[m][1] / r[m][0]);
        if (round > 0) {
          results[m][0][round - 1] = r[m][0];
          results[m][1][round - 1] = r[m][1];
        }
      }
    }

    print("median of %d rounds (min, max); sm/intl is the ratio of the medians:", rounds);
    for (int m = 0; m < MEASURES.length; m++) {
      double[] intl = results[m][0].clone();
      double[] sm = results[m][1].clone();
      double[] ratios = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        ratios[i] = sm[i] / intl[i];
      }
      Arrays.sort(intl);
      Arrays.sort(sm);
      Arrays.sort(ratios);
      print(
          "median %s: intl %s (min %s, max %s), sm %s (min %s, max %s), sm/intl %.3f (per round %.3f to %.3f)",
          MEASURES[m],
          number(median(intl)),
          number(intl[0]),
          number(intl[rounds - 1]),
          number(median(sm)),
          number(sm[0]),
          number(sm[rounds - 1]),
          median(sm) / median(intl),
          ratios[0],
          ratios[rounds - 1]);
    }
  }

  /** One suite's keys and buffers, made once before the rounds. */
  private static final class Fixture {
    private final CryptoSuite suite;
    private final DatasetKey dataKey;
    private final byte[] ciphertext;
    private int ciphertextLength;
    private final UnwrappingKey unwrapping;
    private final WrappedDataKey wrapped;
    private final byte[] wrapContext;
    private final SignatureOps signatures;
    private long sink;

    Fixture(CryptoSuite suite, int plaintextLength) {
      this.suite = suite;
      this.dataKey = suite.newDatasetKey();
      // Both formats add a header and 16 bytes per 1 MiB segment: far less than 1/1024 + 4 KiB.
      this.ciphertext = new byte[plaintextLength + (plaintextLength >> 10) + 4096];
      this.unwrapping = suite.newUnwrappingKey();
      this.wrapContext = "envelope:financial-credit#3:provider-7".getBytes(StandardCharsets.UTF_8);
      this.wrapped = unwrapping.wrappingKey().wrap(suite.newDatasetKey(), wrapContext);
      this.signatures = SignatureOps.of(suite);
    }

    double encrypt(byte[] plaintext, byte[] associatedData) throws IOException {
      ArraySink out = new ArraySink(ciphertext);
      long start = System.nanoTime();
      try (OutputStream encrypting = dataKey.encryptingStream(out, associatedData)) {
        for (int offset = 0; offset < plaintext.length; offset += BLOCK) {
          encrypting.write(plaintext, offset, Math.min(BLOCK, plaintext.length - offset));
        }
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      ciphertextLength = out.length;
      return plaintext.length / 1048576.0 / elapsed;
    }

    double decrypt(byte[] plaintext, byte[] associatedData, boolean check) throws IOException {
      byte[] buffer = new byte[BLOCK];
      long total = 0;
      long start = System.nanoTime();
      try (InputStream in =
          dataKey.decryptingStream(
              new ByteArrayInputStream(ciphertext, 0, ciphertextLength), associatedData)) {
        int n;
        while ((n = in.readNBytes(buffer, 0, BLOCK)) > 0) {
          if (check && !Arrays.equals(buffer, 0, n, plaintext, (int) total, (int) total + n)) {
            throw new IllegalStateException(suite + ": decryption differs from the plaintext");
          }
          total += n;
          sink += buffer[n - 1];
        }
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      if (total != plaintext.length) {
        throw new IllegalStateException(suite + ": decrypted " + total + " bytes");
      }
      return plaintext.length / 1048576.0 / elapsed;
    }

    double unwraps(double seconds) {
      return rate(
          seconds,
          1,
          () -> {
            if (unwrapping.unwrap(wrapped, wrapContext).suite() != suite) {
              throw new IllegalStateException("unwrapped a key of another suite");
            }
          });
    }

    double leafHashes(List<byte[]> entries, double seconds) {
      MerkleHasher hasher = MerkleHasher.forSuite(suite); // one per thread, as the log takes it
      int[] next = {0};
      return rate(
          seconds,
          256,
          () -> {
            sink += hasher.leaf(entries.get(next[0]++ & (entries.size() - 1))).bytes()[0];
          });
    }

    double nodeHashes(LeafHash[] nodes, double seconds) {
      MerkleHasher hasher = MerkleHasher.forSuite(suite);
      int[] next = {0};
      return rate(
          seconds,
          256,
          () -> {
            int i = next[0]++;
            LeafHash left = nodes[i & (nodes.length - 1)];
            LeafHash right = nodes[(i + 1) & (nodes.length - 1)];
            sink += hasher.node(left, right).bytes()[0];
          });
    }

    double signatures(byte[][] bodies, double seconds) {
      int[] next = {0};
      return rate(
          seconds,
          1,
          () -> {
            int i = next[0]++ & (bodies.length - 1);
            signatures.signed[i] = signatures.sign(bodies[i]);
          });
    }

    double verifications(byte[][] bodies, double seconds) {
      int[] next = {0};
      for (int i = 0; i < bodies.length; i++) {
        if (signatures.signed[i] == null) {
          signatures.signed[i] = signatures.sign(bodies[i]);
        }
      }
      return rate(
          seconds,
          1,
          () -> {
            int i = next[0]++ & (bodies.length - 1);
            signatures.verify(signatures.signed[i], bodies[i]);
          });
    }
  }

  /**
   * Checkpoint signatures as each suite makes them: {@code intl} through the audit log's own
   * Ed25519 note signer (bare RFC 8032 signatures, as {@code EnclaveAuditLog} signs checkpoints);
   * {@code sm} through the suite's SM2 signer with the default user id (no SM2 note signature type
   * exists yet; the signature is over the same body bytes).
   */
  private abstract static class SignatureOps {
    final byte[][] signed = new byte[64][];

    abstract byte[] sign(byte[] body);

    abstract void verify(byte[] signature, byte[] body);

    static SignatureOps of(CryptoSuite suite) {
      if (suite == CryptoSuite.INTL) {
        SigningKey key = SigningKey.generate();
        NoteSigner signer = NoteSigner.ed25519(ORIGIN, key);
        NoteVerifier verifier = NoteVerifier.ed25519(ORIGIN, key.verificationKey());
        return new SignatureOps() {
          @Override
          byte[] sign(byte[] body) {
            return signer.sign(body);
          }

          @Override
          void verify(byte[] signature, byte[] body) {
            if (!verifier.verify(body, signature)) {
              throw new IllegalStateException("an Ed25519 checkpoint signature did not verify");
            }
          }
        };
      }
      Signer signer = suite.newSigner();
      Verifier verifier = signer.verifier();
      return new SignatureOps() {
        @Override
        byte[] sign(byte[] body) {
          return signer.sign(body);
        }

        @Override
        void verify(byte[] signature, byte[] body) {
          verifier.verify(signature, body); // throws if it does not verify
        }
      };
    }
  }

  /** Runs {@code op} in batches of {@code batch} until {@code seconds} passed; returns ops/s. */
  private static double rate(double seconds, int batch, Runnable op) {
    long budget = (long) (seconds * 1e9);
    long count = 0;
    long start = System.nanoTime();
    long elapsed;
    do {
      for (int i = 0; i < batch; i++) {
        op.run();
      }
      count += batch;
      elapsed = System.nanoTime() - start;
    } while (elapsed < budget);
    return count / (elapsed / 1e9);
  }

  /** Audit entries like the service's (a score read, a query release), canonical JSON. */
  private static List<byte[]> auditEntries(int count) {
    HexFormat hex = HexFormat.of();
    List<byte[]> entries = new ArrayList<>(count);
    Instant time = Instant.parse("2026-11-24T08:00:00Z");
    for (int i = 0; i < count; i++) {
      byte[] hash = new byte[32];
      RANDOM.nextBytes(hash);
      AuditEntry entry =
          new AuditEntry(
              time.plusMillis(37L * i),
              new AuditEntry.Actor(
                  "loan-officer-" + (i % 97), "institution", Optional.of("bank-of-bench")),
              i % 3 == 0 ? "enclave.tables.read" : "score.read",
              Optional.of("pre-loan"),
              new AuditEntry.Target(
                  Optional.of("financial-credit#3"),
                  Optional.of(Uscc.parse("91350100M000100Y43")),
                  Optional.of("q-" + hex.formatHex(hash, 0, 8))),
              AuditEntry.Decision.allow("consent", "quota"),
              Optional.of(hex.formatHex(hash)),
              Optional.empty(),
              i % 3 == 0 ? Optional.of(0.1) : Optional.empty());
      entries.add(entry.canonicalBytes());
    }
    return entries;
  }

  /** Random 32-byte hashes: the children of interior Merkle nodes ({@code H(0x01 ‖ l ‖ r)}). */
  private static LeafHash[] randomHashes(int count) {
    LeafHash[] hashes = new LeafHash[count];
    for (int i = 0; i < count; i++) {
      byte[] hash = new byte[LeafHash.LENGTH];
      RANDOM.nextBytes(hash);
      hashes[i] = new LeafHash(hash);
    }
    return hashes;
  }

  /** Checkpoint bodies (origin, size, base64 root) of a log of about a million leaves. */
  private static byte[][] checkpointBodies(int count) {
    byte[][] bodies = new byte[count][];
    for (int i = 0; i < count; i++) {
      byte[] root = new byte[LeafHash.LENGTH];
      RANDOM.nextBytes(root);
      bodies[i] = new Checkpoint(ORIGIN, 1_000_000L + 500L * i, new LeafHash(root)).body();
    }
    return bodies;
  }

  /** An output stream into a preallocated array, so that copying costs little and never grows. */
  private static final class ArraySink extends OutputStream {
    private final byte[] array;
    int length;

    ArraySink(byte[] array) {
      this.array = array;
    }

    @Override
    public void write(int b) {
      array[length++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
      System.arraycopy(bytes, offset, array, length, count);
      length += count;
    }
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String number(double value) {
    return value >= 100
        ? String.format(Locale.ROOT, "%,.0f", value).replace(',', ' ')
        : String.format(Locale.ROOT, "%.2f", value);
  }

  private static void print(String format, Object... args) {
    System.out.println(PREFIX + String.format(Locale.ROOT, format, args));
  }
}
