package dev.safehouse.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.audit.ConsistencyProof;
import dev.safehouse.audit.LeafHash;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Signer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "{0}")
@MethodSource("dev.safehouse.testing.TestSuite#all")
class ConsistencyCheckTest {
  @Parameter CryptoSuite suite;

  static Signer key;
  static TestLog log;

  @BeforeParameterizedClassInvocation
  static void log(CryptoSuite suite) {
    key = suite.newSigner();
    log = TestLog.of(key, 7, 40);
  }

  private static MonitorState stateAt(TestLog log, long size) {
    return MonitorState.of(log.checkpoint(size), key.verifier());
  }

  @ParameterizedTest
  @CsvSource({"1,2", "1,40", "3,4", "7,8", "8,9", "10,40", "16,32", "31,33", "39,40"})
  void check_logGrew_isConsistent(long before, long after) throws Exception {
    String said =
        ConsistencyCheck.check(stateAt(log, before), log.checkpoint(after), log, log.hasher);

    assertThat(said).isEqualTo("consistent with previous checkpoint of size " + before);
  }

  @Test
  void check_grownLogFromTheSameKey_isConsistent() throws Exception {
    TestLog later = log.grown(25, 99);

    assertThat(ConsistencyCheck.check(stateAt(log, 40), later.checkpoint(65), later, later.hasher))
        .startsWith("consistent with previous checkpoint of size 40");
  }

  @Test
  void check_fromEmptyLog_needsNoProof() throws Exception {
    int calls = log.consistencyCalls;

    assertThat(ConsistencyCheck.check(stateAt(log, 0), log.checkpoint(5), log, log.hasher))
        .contains("size 0");
    assertThat(log.consistencyCalls).isEqualTo(calls);
  }

  @Test
  void check_sameCheckpoint_isUnchanged() throws Exception {
    assertThat(ConsistencyCheck.check(stateAt(log, 12), log.checkpoint(12), log, log.hasher))
        .isEqualTo("unchanged since the previous checkpoint of size 12");
  }

  @Test
  void check_smallerSize_isTruncation() {
    assertThatThrownBy(
            () -> ConsistencyCheck.check(stateAt(log, 10), log.checkpoint(6), log, log.hasher))
        .isInstanceOf(VerificationFailure.class)
        .hasMessage("the log shrank from 10 to 6: truncation or fork");
  }

  @Test
  void check_sameSizeOtherRoot_isFork() {
    TestLog forked = log.fork(6, 4, 1234);

    assertThatThrownBy(
            () ->
                ConsistencyCheck.check(
                    stateAt(log, 10), forked.checkpoint(10), forked, forked.hasher))
        .hasMessage("fork: the log has two different signed roots for size 10");
  }

  @Test
  void check_forkThatSharesAPrefixThenGrows_failsTheConsistencyProof() {
    // The monitor saw 10 entries of the real log; the server now presents a second log that keeps
    // the first 6, rewrites the rest and has grown to 12. Its own proofs are honest for itself.
    TestLog forked = log.fork(6, 6, 1234);

    assertThatThrownBy(
            () ->
                ConsistencyCheck.check(
                    stateAt(log, 10), forked.checkpoint(12), forked, forked.hasher))
        .isInstanceOf(VerificationFailure.class)
        .hasMessage(
            "consistency proof from 10 to 12 does not verify: computed first root differs from"
                + " the expected first root; the log was rewritten (fork or truncation)");
  }

  @Test
  void check_forkAtFirstEntry_fails() {
    TestLog forked = log.fork(0, 40, 77);

    assertThatThrownBy(
            () ->
                ConsistencyCheck.check(
                    stateAt(log, 1), forked.checkpoint(40), forked, forked.hasher))
        .hasMessageStartingWith("consistency proof from 1 to 40 does not verify");
  }

  @Test
  void check_flippedProofBit_fails() {
    AuditLogSource flipping = new FlippingSource(log, 1, 5);

    assertThatThrownBy(
            () ->
                ConsistencyCheck.check(stateAt(log, 13), log.checkpoint(40), flipping, log.hasher))
        .hasMessageStartingWith("consistency proof from 13 to 40 does not verify: computed");
  }

  @Test
  void check_truncatedProof_failsWithTheShapeStep() {
    AuditLogSource truncating =
        new AuditLogSource() {
          @Override
          public EntryPage entries(long start, long end) {
            return log.entries(start, end);
          }

          @Override
          public ConsistencyProof consistency(long first, long second) {
            List<byte[]> path = new ArrayList<>();
            log.consistency(first, second).path().forEach(h -> path.add(h.bytes()));
            path.remove(path.size() - 1);
            return ConsistencyProof.of(first, second, path);
          }
        };

    assertThatThrownBy(
            () ->
                ConsistencyCheck.check(
                    stateAt(log, 13), log.checkpoint(40), truncating, log.hasher))
        .hasMessageContaining("does not verify: proof has");
  }

  /** Serves the log's proofs with one bit flipped in one hash. */
  record FlippingSource(TestLog log, int hash, int bit) implements AuditLogSource {
    @Override
    public EntryPage entries(long start, long end) {
      return log.entries(start, end);
    }

    @Override
    public ConsistencyProof consistency(long first, long second) {
      List<LeafHash> path = new ArrayList<>(log.consistency(first, second).path());
      byte[] bytes = path.get(hash).bytes();
      bytes[bit / 8] ^= (byte) (1 << (bit % 8));
      path.set(hash, new LeafHash(bytes));
      return new ConsistencyProof(first, second, path);
    }
  }
}
