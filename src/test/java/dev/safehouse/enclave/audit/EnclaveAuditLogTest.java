package dev.safehouse.enclave.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.audit.Checkpoint;
import dev.safehouse.audit.LeafHash;
import dev.safehouse.audit.MerkleHasher;
import dev.safehouse.audit.MerkleRootBuilder;
import dev.safehouse.audit.SignedCheckpoint;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Signer;
import dev.safehouse.testing.TestSuite;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The enclave's audit log in each suite: SHA-256 and Ed25519, or SM3 and SM2. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.safehouse.testing.TestSuite#all")
class EnclaveAuditLogTest {
  private static final String ORIGIN = "safehouse.test/audit";
  private final CryptoSuite suite;
  private final Signer key;

  EnclaveAuditLogTest(CryptoSuite suite) {
    this.suite = suite;
    this.key = suite.newSigner();
  }

  private static List<byte[]> entries(int from, int count) {
    List<byte[]> entries = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      entries.add(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
    }
    return entries;
  }

  @Test
  void append_signsTheRootOfWhatItHashedItself() throws Exception {
    EnclaveAuditLog log = new EnclaveAuditLog();
    assertThat(log.resume(ORIGIN, key, "", List.of())).isZero();
    String note = log.append(0, entries(0, 5), key);
    note = log.append(5, entries(5, 6), key);

    MerkleRootBuilder expected = new MerkleRootBuilder(MerkleHasher.forSuite(suite));
    entries(0, 11).forEach(expected::addLeafData);
    Checkpoint checkpoint = SignedCheckpoint.parse(note, ORIGIN, key.verifier());
    assertThat(checkpoint.size()).isEqualTo(11);
    assertThat(checkpoint.root()).isEqualTo(expected.root());
  }

  @Test
  void append_refusesAnotherSizeOrAnUnresumedLog() throws Exception {
    EnclaveAuditLog log = new EnclaveAuditLog();
    assertThatThrownBy(() -> log.append(0, entries(0, 1), key))
        .hasMessageContaining("not been resumed");
    log.resume(ORIGIN, key, "", List.of());
    log.append(0, entries(0, 3), key);
    assertThatThrownBy(() -> log.append(2, entries(0, 1), key))
        .isInstanceOf(EnclaveAuditLog.RefusedException.class)
        .hasMessage("the log stands at size 3, not 2");
  }

  @Test
  void resume_acceptsOnlyItsOwnSignedCheckpointWithMatchingSubtrees() throws Exception {
    EnclaveAuditLog first = new EnclaveAuditLog();
    first.resume(ORIGIN, key, "", List.of());
    String note = first.append(0, entries(0, 6), key);
    // Subtrees of a 6-leaf tree: [0,4) and [4,6).
    MerkleHasher hasher = MerkleHasher.forSuite(suite);
    List<LeafHash> leaves = entries(0, 6).stream().map(hasher::leaf).toList();
    byte[] left =
        hasher
            .node(
                hasher.node(leaves.get(0), leaves.get(1)),
                hasher.node(leaves.get(2), leaves.get(3)))
            .bytes();
    byte[] right = hasher.node(leaves.get(4), leaves.get(5)).bytes();

    EnclaveAuditLog resumed = new EnclaveAuditLog();
    assertThat(resumed.resume(ORIGIN, key, note, List.of(left, right))).isEqualTo(6);
    assertThat(
            SignedCheckpoint.parse(resumed.append(6, entries(6, 1), key), ORIGIN, key.verifier())
                .size())
        .isEqualTo(7);

    byte[] flipped = right.clone();
    flipped[0] ^= 1;
    assertThatThrownBy(
            () -> new EnclaveAuditLog().resume(ORIGIN, key, note, List.of(left, flipped)))
        .hasMessageContaining("do not fold");
    String forged =
        new Checkpoint(ORIGIN, 6, new LeafHash(new byte[32])).sign(ORIGIN, suite.newSigner());
    assertThatThrownBy(
            () -> new EnclaveAuditLog().resume(ORIGIN, key, forged, List.of(left, right)))
        .hasMessageContaining("does not check out");
  }

  @Test
  void resume_checkpointSignedInTheOtherSuite_isRefused() throws Exception {
    Signer other = TestSuite.other(suite).newSigner();
    EnclaveAuditLog theirs = new EnclaveAuditLog();
    theirs.resume(ORIGIN, other, "", List.of());
    String note = theirs.append(0, entries(0, 1), other);
    MerkleHasher hasher = MerkleHasher.forSuite(TestSuite.other(suite));
    byte[] leaf = hasher.leaf(entries(0, 1).get(0)).bytes();

    assertThatThrownBy(() -> new EnclaveAuditLog().resume(ORIGIN, key, note, List.of(leaf)))
        .isInstanceOf(EnclaveAuditLog.RefusedException.class)
        .hasMessageContaining("does not check out");
  }

  @Test
  void resume_neverGoesBackWithinALifetime() throws Exception {
    EnclaveAuditLog log = new EnclaveAuditLog();
    log.resume(ORIGIN, key, "", List.of());
    log.append(0, entries(0, 4), key);
    assertThatThrownBy(() -> log.resume(ORIGIN, key, "", List.of()))
        .hasMessageContaining("never goes back");
  }
}
