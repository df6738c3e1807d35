package dev.safehouse.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.audit.Checkpoint;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "{0}")
@MethodSource("dev.safehouse.testing.TestSuite#all")
class CheckpointVerifierTest {
  @Parameter CryptoSuite suite;

  static Signer logKey;
  static TestLog log;

  @BeforeParameterizedClassInvocation
  static void log(CryptoSuite suite) {
    logKey = suite.newSigner();
    log = TestLog.of(logKey, 1, 9);
  }

  private static CheckpointVerifier verifier(Signer key) {
    return new CheckpointVerifier(key.verifier(), "the attested log key");
  }

  @Test
  void verify_signedByLogKeyUnderItsOrigin_returnsCheckpoint() {
    Checkpoint checkpoint = verifier(logKey).verify(log.note());

    assertThat(checkpoint).isEqualTo(log.checkpoint(9));
  }

  @Test
  void verify_otherOrigin_isAcceptedWhenKeyNameEqualsIt() {
    String note =
        new Checkpoint("bank.example/log", 3, log.root(3)).sign("bank.example/log", logKey);

    assertThat(verifier(logKey).verify(note).origin()).isEqualTo("bank.example/log");
  }

  @Test
  void verify_anotherKey_fails() {
    String note = log.checkpoint(9).sign(TestLog.ORIGIN, logKey.suite().newSigner());

    assertThatThrownBy(() -> verifier(logKey).verify(note))
        .isInstanceOf(VerificationFailure.class)
        .hasMessageStartingWith("checkpoint signature does not verify under the attested log key");
  }

  @Test
  void verify_keyNameOtherThanOrigin_fails() {
    String note = log.checkpoint(9).sign("another-name", logKey);

    assertThatThrownBy(() -> verifier(logKey).verify(note))
        .hasMessageStartingWith("checkpoint signature does not verify under the attested log key");
  }

  @Test
  void verify_sizeChangedAfterSigning_fails() {
    String note = log.note().replaceFirst("\n9\n", "\n8\n");

    assertThatThrownBy(() -> verifier(logKey).verify(note))
        .hasMessageStartingWith("checkpoint signature does not verify");
  }

  @Test
  void verify_noSignatureBlock_isMalformed() {
    assertThatThrownBy(() -> verifier(logKey).verify(log.checkpoint(9).bodyText()))
        .hasMessageStartingWith("the checkpoint is malformed");
  }

  @Test
  void verify_bodyNotACheckpoint_isMalformed() {
    String note = "safehouse.local/audit\nnine\nroot\n\n\u2014 safehouse.local/audit AAAAAAA=\n";

    assertThatThrownBy(() -> verifier(logKey).verify(note))
        .hasMessage(
            "the checkpoint is malformed: the tree size is not a decimal number without leading"
                + " zeros");
  }
}
