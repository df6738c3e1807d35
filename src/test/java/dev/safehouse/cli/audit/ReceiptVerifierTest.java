package dev.safehouse.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.audit.InclusionProof;
import dev.safehouse.audit.LeafHash;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Signer;
import dev.safehouse.testing.TestSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "{0}")
@MethodSource("dev.safehouse.testing.TestSuite#all")
class ReceiptVerifierTest {
  @Parameter CryptoSuite suite;

  static Signer key;
  static TestLog log;
  static ReceiptVerifier verifier;

  @BeforeParameterizedClassInvocation
  static void log(CryptoSuite suite) {
    key = suite.newSigner();
    log = TestLog.of(key, 21, 11);
    verifier = new ReceiptVerifier(new CheckpointVerifier(key.verifier(), "the given log key"));
  }

  static Receipt receipt(int index, long size) {
    InclusionProof proof = log.inclusion(index, size);
    return new Receipt(
        key.suite().wireName(),
        index,
        log.hasher.leaf(log.entries.get(index)),
        size,
        log.note(size),
        proof.path());
  }

  private static Receipt withProof(Receipt receipt, List<LeafHash> path) {
    return new Receipt(
        receipt.suite(),
        receipt.leafIndex(),
        receipt.leafHash(),
        receipt.treeSize(),
        receipt.checkpoint(),
        path);
  }

  @Test
  void verify_everyLeafOfSeveralSizes_verifiesWithItsEntry() {
    for (int size = 1; size <= log.size(); size++) {
      for (int index = 0; index < size; index++) {
        Receipt receipt = receipt(index, size);

        assertThat(verifier.verify(receipt, Optional.of(log.entries.get(index))).size())
            .isEqualTo(size);
      }
    }
  }

  @Test
  void verify_flippedProofBit_failsTheInclusionStep() {
    Receipt good = receipt(6, 11);
    for (int hash = 0; hash < good.inclusionProof().size(); hash++) {
      List<LeafHash> path = new ArrayList<>(good.inclusionProof());
      byte[] bytes = path.get(hash).bytes();
      bytes[31] ^= 0x01;
      path.set(hash, new LeafHash(bytes));

      assertThatThrownBy(() -> verifier.verify(withProof(good, path), Optional.empty()))
          .isInstanceOf(VerificationFailure.class)
          .hasMessage("inclusion proof: computed root differs from the expected root");
    }
  }

  @Test
  void verify_truncatedProof_failsTheInclusionStep() {
    Receipt good = receipt(6, 11);
    List<LeafHash> path = good.inclusionProof().subList(0, good.inclusionProof().size() - 1);

    assertThatThrownBy(() -> verifier.verify(withProof(good, path), Optional.empty()))
        .hasMessageStartingWith("inclusion proof: proof has 3 hashes");
  }

  @Test
  void verify_wrongLeaf_failsTheInclusionStep() {
    Receipt good = receipt(6, 11);
    Receipt wrongLeaf =
        new Receipt(
            good.suite(),
            6,
            log.hasher.leaf(log.entries.get(7)),
            11,
            good.checkpoint(),
            good.inclusionProof());

    assertThatThrownBy(() -> verifier.verify(wrongLeaf, Optional.empty()))
        .hasMessage("inclusion proof: computed root differs from the expected root");
  }

  @Test
  void verify_otherIndex_failsTheInclusionStep() {
    Receipt good = receipt(6, 11);
    Receipt moved =
        new Receipt(good.suite(), 7, good.leafHash(), 11, good.checkpoint(), good.inclusionProof());

    assertThatThrownBy(() -> verifier.verify(moved, Optional.empty()))
        .hasMessage("inclusion proof: computed root differs from the expected root");
  }

  @Test
  void verify_entryOtherThanTheLeaf_failsTheLeafStep() {
    assertThatThrownBy(() -> verifier.verify(receipt(6, 11), Optional.of(log.entries.get(5))))
        .hasMessage("leaf hash does not match the entry");
  }

  @Test
  void verify_checkpointSignedByAnotherKey_failsTheSignatureStep() {
    Receipt good = receipt(6, 11);
    String forged = log.checkpoint(11).sign(TestLog.ORIGIN, key.suite().newSigner());
    Receipt receipt =
        new Receipt(good.suite(), 6, good.leafHash(), 11, forged, good.inclusionProof());

    assertThatThrownBy(() -> verifier.verify(receipt, Optional.empty()))
        .hasMessageStartingWith("checkpoint signature does not verify under the given log key");
  }

  @Test
  void verify_treeSizeOtherThanTheCheckpoints_failsTheSizeStep() {
    Receipt proofFor7 = receipt(3, 7);
    Receipt receipt =
        new Receipt(
            proofFor7.suite(), 3, proofFor7.leafHash(), 7, log.note(8), proofFor7.inclusionProof());

    assertThatThrownBy(() -> verifier.verify(receipt, Optional.empty()))
        .hasMessage("receipt tree size 7 differs from its checkpoint's 8");
  }

  @Test
  void verify_receiptOfTheOtherSuite_isRefusedBeforeAnyCheck() {
    Receipt good = receipt(6, 11);
    Receipt mixed =
        new Receipt(
            TestSuite.other(suite).wireName(),
            good.leafIndex(),
            good.leafHash(),
            good.treeSize(),
            good.checkpoint(),
            good.inclusionProof());

    assertThatThrownBy(() -> verifier.verify(mixed, Optional.of(log.entries.get(6))))
        .isInstanceOf(VerificationFailure.class)
        .hasMessage(
            "the receipt is of crypto suite "
                + TestSuite.other(suite).wireName()
                + ", the log key of suite "
                + suite.wireName()
                + ": a mix is refused");
  }

  @Test
  void verify_receiptOfTheOtherSuiteSignedAndHashedThatWay_isRefused() {
    // A genuine log of the other suite: its receipt verifies only under its own key's verifier.
    TestLog otherLog = TestLog.of(TestSuite.other(suite).newSigner(), 21, 11);
    InclusionProof proof = otherLog.inclusion(6, 11);
    Receipt theirs =
        new Receipt(
            TestSuite.other(suite).wireName(),
            6,
            otherLog.hasher.leaf(otherLog.entries.get(6)),
            11,
            otherLog.note(11),
            proof.path());

    assertThat(
            new ReceiptVerifier(new CheckpointVerifier(otherLog.key.verifier(), "theirs"))
                .verify(theirs, Optional.of(otherLog.entries.get(6)))
                .size())
        .isEqualTo(11);
    assertThatThrownBy(() -> verifier.verify(theirs, Optional.empty()))
        .isInstanceOf(VerificationFailure.class)
        .hasMessageEndingWith(": a mix is refused");
  }
}
