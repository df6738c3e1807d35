package dev.safehouse.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Signer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@ParameterizedClass(name = "{0}")
@MethodSource("dev.safehouse.testing.TestSuite#all")
class LogReplayTest {
  @Parameter CryptoSuite suite;

  static final int SIZE = 37;
  static Signer key;

  @BeforeParameterizedClassInvocation
  static void key(CryptoSuite suite) {
    key = suite.newSigner();
  }

  private static ReplayOutcome replay(TestLog log) throws Exception {
    return new LogReplay(log, new PrintWriter(new StringWriter()))
        .replay(log.checkpoint(log.size()), log.key.suite());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 12, 13, 14, 26, 37, 64})
  void replay_genuineEntries_matchAcrossPages(int size) throws Exception {
    TestLog log = TestLog.of(key, 3, size);

    ReplayOutcome outcome = replay(log);

    assertThat(outcome).isEqualTo(new ReplayOutcome.Matches(size));
    assertThat(outcome.describe()).isEqualTo("recomputed root from " + size + " entries matches");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5, 12, 13, 18, 31, 32, 35, 36})
  void replay_entryTamperedAtK_reportsKAsFirstBadIndex(int k) throws Exception {
    TestLog log = TestLog.of(key, 4, SIZE);
    log.serve(log.tamperedAt(k));

    ReplayOutcome outcome = replay(log);

    assertThat(outcome).isEqualTo(new ReplayOutcome.EntryMismatch(k));
    assertThat(outcome.describe()).isEqualTo("entry " + k + " does not match the signed log");
  }

  @Test
  void replay_tamperedEverySize_findsTheFirstOfTwoBadEntries() throws Exception {
    for (int size = 2; size <= 20; size++) {
      TestLog log = TestLog.of(key, 5, size);
      for (int k = 0; k < size - 1; k++) {
        List<byte[]> served = new ArrayList<>(log.tamperedAt(k));
        served.set(size - 1, "{\"forged\":true}".getBytes());
        log.serve(served);

        assertThat(replay(log))
            .as("size %d, k %d", size, k)
            .isEqualTo(new ReplayOutcome.EntryMismatch(k));
      }
    }
  }

  @Test
  void replay_searchUsesLogarithmicallyManyProofs() throws Exception {
    TestLog log = TestLog.of(key, 6, 1500).pageSize(1000);
    log.serve(log.tamperedAt(1234));

    assertThat(replay(log)).isEqualTo(new ReplayOutcome.EntryMismatch(1234));
    assertThat(log.consistencyCalls).isLessThanOrEqualTo(11);
  }

  @Test
  void replay_fewerEntriesServed_reportsTheMissingRange() throws Exception {
    TestLog log = TestLog.of(key, 7, SIZE);
    log.serve(log.entries.subList(0, 20));

    ReplayOutcome outcome = replay(log);

    assertThat(outcome).isEqualTo(new ReplayOutcome.EntriesMissing(20, SIZE));
    assertThat(outcome.describe())
        .isEqualTo(
            "entries 20 to 36 of the signed log were not served (the 20 served entries match the"
                + " signed log)");
  }

  @Test
  void replay_nothingServed_reportsEverythingMissing() throws Exception {
    TestLog log = TestLog.of(key, 8, SIZE);
    log.serve(List.of());

    assertThat(replay(log)).isEqualTo(new ReplayOutcome.EntriesMissing(0, SIZE));
  }

  @Test
  void replay_fewerEntriesServedAndOneTampered_reportsTheTamperedOne() throws Exception {
    TestLog log = TestLog.of(key, 9, SIZE);
    log.serve(log.tamperedAt(5).subList(0, 20));

    assertThat(replay(log)).isEqualTo(new ReplayOutcome.EntryMismatch(5));
  }

  @Test
  void replay_entryDropped_reportsItsIndex() throws Exception {
    TestLog log = TestLog.of(key, 10, SIZE);
    List<byte[]> served = new ArrayList<>(log.entries);
    served.remove(17);
    log.serve(served);

    assertThat(replay(log)).isEqualTo(new ReplayOutcome.EntryMismatch(17));
  }

  @Test
  void replay_entriesSwapped_reportsTheFirst() throws Exception {
    TestLog log = TestLog.of(key, 11, SIZE);
    List<byte[]> served = new ArrayList<>(log.entries);
    served.set(21, log.entries.get(22));
    served.set(22, log.entries.get(21));
    log.serve(served);

    assertThat(replay(log)).isEqualTo(new ReplayOutcome.EntryMismatch(21));
  }
}
