package dev.safehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.sm.Sm3;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SM3 tree hasher: roots computed by hand from SM3 and the RFC 6962 definitions, and the
 * existing proof generation and verification running over it.
 */
class Sm3MerkleHasherTest {
  private static final String SM3_EMPTY =
      "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b";

  private static byte[] data(int i) {
    return ("leaf " + i).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] prefixed(int prefix, byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(prefix);
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void name_isSm3_andEmptyRootIsSm3OfNothing() {
    MerkleHasher hasher = MerkleHasher.sm3();
    assertThat(hasher.name()).isEqualTo("sm3");
    assertThat(hasher.emptyRoot().hex()).isEqualTo(SM3_EMPTY);
  }

  @Test
  void forSuite_eachSuite_hashesWithItsOwnFunction() {
    assertThat(MerkleHasher.forSuite(CryptoSuite.SM).name()).isEqualTo("sm3");
    assertThat(MerkleHasher.forSuite(CryptoSuite.INTL).name()).isEqualTo("sha256");
    for (CryptoSuite suite : new CryptoSuite[] {CryptoSuite.INTL, CryptoSuite.SM}) {
      assertThat(MerkleHasher.forSuite(suite).name()).isEqualTo(suite.hashName());
      assertThat(MerkleHasher.forSuite(suite).emptyRoot().bytes())
          .isEqualTo(suite.newDigest().digest());
    }
  }

  @Test
  void root_threeLeaves_equalsTheRootComputedByHand() {
    byte[] l0 = Sm3.hash(prefixed(0x00, data(0)));
    byte[] l1 = Sm3.hash(prefixed(0x00, data(1)));
    byte[] l2 = Sm3.hash(prefixed(0x00, data(2)));
    byte[] expected = Sm3.hash(prefixed(0x01, Sm3.hash(prefixed(0x01, l0, l1)), l2));

    MerkleRootBuilder builder = new MerkleRootBuilder(MerkleHasher.sm3());
    for (int i = 0; i < 3; i++) {
      builder.addLeafData(data(i));
    }
    assertThat(builder.root().bytes()).isEqualTo(expected);
    assertThat(MerkleHasher.sm3().leaf(data(0)).bytes()).isEqualTo(l0);
    assertThat(HexFormat.of().formatHex(expected))
        .isNotEqualTo(new MerkleRootBuilder(MerkleHasher.sha256()).root().hex());
  }

  @Test
  void proofs_overSm3_verifyWithSm3AndFailWithSha256() {
    List<LeafHash> leaves = new ArrayList<>();
    InMemoryMerkleNodes log = new InMemoryMerkleNodes(MerkleHasher.sm3());
    for (int i = 0; i < 37; i++) {
      LeafHash leaf = MerkleHasher.sm3().leaf(data(i));
      leaves.add(leaf);
      log.append(leaf);
    }
    MerkleProofs proofs = new MerkleProofs(log, MerkleHasher.sm3());
    for (int size = 1; size <= 37; size++) {
      MerkleRootBuilder builder = new MerkleRootBuilder(MerkleHasher.sm3());
      leaves.subList(0, size).forEach(builder::addLeafHash);
      LeafHash root = builder.root();
      assertThat(proofs.root(size)).isEqualTo(root);
      for (int index = 0; index < size; index++) {
        proofs.inclusion(index, size).verify(leaves.get(index), root, MerkleHasher.sm3());
      }
      for (int first = 1; first < size; first++) {
        proofs.consistency(first, size).verify(proofs.root(first), root, MerkleHasher.sm3());
      }
    }
    LeafHash root = proofs.root(37);
    InclusionProof proof = proofs.inclusion(5, 37);
    assertThatThrownBy(() -> proof.verify(leaves.get(5), root, MerkleHasher.sha256()))
        .isInstanceOf(ProofException.class);
    ConsistencyProof consistency = proofs.consistency(11, 37);
    assertThatThrownBy(() -> consistency.verify(proofs.root(11), root, MerkleHasher.sha256()))
        .isInstanceOf(ProofException.class);
  }
}
