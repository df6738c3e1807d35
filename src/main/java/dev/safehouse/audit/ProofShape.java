package dev.safehouse.audit;

/**
 * How many hashes a proof has and how they split, after transparency-dev/merkle's {@code
 * decompInclProof}: an inclusion proof for leaf {@code index} of a tree of {@code size} leaves has
 * {@code inner} hashes of subtrees below the point where the leaf's path leaves the tree's right
 * edge, then {@code border} hashes of left siblings along that edge.
 */
record ProofShape(int inner, int border) {
  /** Requires {@code 0 <= index < size}. */
  static ProofShape inclusion(long index, long size) {
    int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    int border = Long.bitCount(index >>> inner);
    return new ProofShape(inner, border);
  }

  int length() {
    return inner + border;
  }
}
