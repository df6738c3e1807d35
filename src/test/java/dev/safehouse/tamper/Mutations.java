package dev.safehouse.tamper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Seeded single-byte mutations for the tamper suite, and a collector of the mutations that were not
 * refused as expected.
 *
 * <p>The seed is fixed so that runs are reproducible; {@code -Dsafehouse.tamper.seed=N} replaces it
 * and {@code -Dsafehouse.tamper.mutations=N} changes the count per region (1 000 by default). Each
 * test prints the seed it used, so that a failure seen in CI can be replayed.
 */
final class Mutations {
  static final long DEFAULT_SEED = 0x5AFE_4005EL;

  /** Mutations per region. */
  static final int COUNT = Integer.getInteger("safehouse.tamper.mutations", 1000);

  private final String suite;
  private final long seed;
  private final SplittableRandom random;
  private final List<String> failures = new ArrayList<>();
  private final Map<String, Integer> seen = new TreeMap<>();
  private final Map<String, String> examples = new TreeMap<>();

  private Mutations(String suite, long seed) {
    this.suite = suite;
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /**
   * Starts a run for {@code suite}, seeded from the system property or the default, and prints it.
   */
  static Mutations start(String suite) {
    long seed = Long.getLong("safehouse.tamper.seed", DEFAULT_SEED);
    System.out.printf(
        "tamper suite %s: seed %d (-Dsafehouse.tamper.seed=%d to replay), %d mutations per region%n",
        suite, seed, seed, COUNT);
    return new Mutations(suite, seed);
  }

  /** Starts a run that tries given positions with every mask, so needs no seed. */
  static Mutations exhaustive(String suite) {
    System.out.printf("tamper suite %s: every mask at chosen positions%n", suite);
    return new Mutations(suite, 0);
  }

  /** Returns a position in [{@code from}, {@code to}). */
  int position(int from, int to) {
    return random.nextInt(from, to);
  }

  /** Returns a random value in [0, {@code bound}). */
  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** Returns a non-zero XOR mask: a single-byte mutation always changes the byte. */
  byte mask() {
    return (byte) random.nextInt(1, 256);
  }

  /** Returns a copy of {@code bytes} with {@code mask} XORed into the byte at {@code position}. */
  static byte[] flip(byte[] bytes, int position, byte mask) {
    byte[] copy = bytes.clone();
    copy[position] ^= mask;
    return copy;
  }

  /** Counts an outcome (region and error message) for the summary, keeping its first example. */
  void saw(String region, int position, byte mask, String outcome) {
    String key = region + " -> " + outcome;
    seen.merge(key, 1, Integer::sum);
    examples.putIfAbsent(key, String.format("byte %d ^ 0x%02x", position, mask & 0xff));
  }

  /** Records a mutation that was not refused as expected. */
  void fail(String region, int position, byte mask, String what) {
    failures.add(String.format("%s byte %d ^ 0x%02x: %s", region, position, mask & 0xff, what));
  }

  /** Prints the outcomes and fails listing the first few unexpected ones, with the seed. */
  void assertAllDetected() {
    System.out.printf("tamper suite %s (seed %d) outcomes:%n", suite, seed);
    seen.forEach(
        (outcome, n) ->
            System.out.printf("  %5d  %s (e.g. %s)%n", n, outcome, examples.get(outcome)));
    assertThat(failures)
        .as(
            "%s: %d mutation(s) not refused as expected (seed %d); first: %s",
            suite, failures.size(), seed, failures.subList(0, Math.min(5, failures.size())))
        .isEmpty();
  }
}
