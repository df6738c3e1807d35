package dev.safehouse.audit;

import dev.safehouse.crypto.CryptoSuite;

/**
 * The RFC 6962 §2.1 / RFC 9162 §2.1.1 hash functions of a Merkle tree over one 32-byte hash
 * function H: a leaf is hashed as {@code H(0x00 ‖ data)}, an interior node as {@code H(0x01 ‖ left
 * ‖ right)}, and the empty tree as {@code H()}.
 *
 * <h2>Security guarantees</h2>
 *
 * The distinct 0x00 / 0x01 prefixes keep a leaf from being passed off as an interior node (second
 * preimage resistance of the tree, given that of H). Not guaranteed: anything about the leaf data
 * itself — two leaves with equal data have equal hashes.
 *
 * <p>Implementations are <b>not thread-safe</b> (they keep a message digest) and are cheap to
 * create: take one per thread or per request, e.g. with {@link #sha256()}.
 */
public interface MerkleHasher {
  /** Returns the hash function's name as used in configuration and logs, e.g. {@code "sha256"}. */
  String name();

  /** Returns the root of the empty tree, {@code H()}. */
  LeafHash emptyRoot();

  /** Returns {@code H(0x00 ‖ data)}. */
  LeafHash leaf(byte[] data);

  /** Returns {@code H(0x01 ‖ left ‖ right)}. */
  LeafHash node(LeafHash left, LeafHash right);

  /** Returns a new SHA-256 hasher (RFC 6962), not to be shared between threads. */
  static MerkleHasher sha256() {
    return new Sha256MerkleHasher();
  }

  /**
   * Returns a new hasher over {@code suite}'s hash: SHA-256 for {@code intl}, SM3 for {@code sm}.
   * The audit log lives with the hasher here rather than in {@code crypto}, which does not depend
   * on {@code audit}.
   */
  static MerkleHasher forSuite(CryptoSuite suite) {
    return switch (suite.hashName()) {
      case "sha256" -> sha256();
      case "sm3" -> sm3();
      default -> throw new IllegalStateException("no Merkle hasher for this suite");
    };
  }

  /** Returns a new SM3 hasher (GB/T 32905, same prefixes), not to be shared between threads. */
  static MerkleHasher sm3() {
    return new Sm3MerkleHasher();
  }
}
