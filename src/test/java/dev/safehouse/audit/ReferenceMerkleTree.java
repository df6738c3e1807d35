package dev.safehouse.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9162 §2.1 definitions written out recursively, as a reference independent of the
 * iterative production code: MTH, PATH and PROOF/SUBPROOF over leaf ranges. Proof elements are
 * named by the leaf range {@code "begin-end"} whose tree hash they are.
 */
final class ReferenceMerkleTree {
  private final MerkleHasher hasher;
  private final List<LeafHash> leaves;

  ReferenceMerkleTree(MerkleHasher hasher, List<LeafHash> leaves) {
    this.hasher = hasher;
    this.leaves = List.copyOf(leaves);
  }

  /** MTH(D[begin:end]); requires begin < end. */
  LeafHash hash(int begin, int end) {
    if (end - begin == 1) {
      return leaves.get(begin);
    }
    int k = Integer.highestOneBit(end - begin - 1);
    return hasher.node(hash(begin, begin + k), hash(begin + k, end));
  }

  /** MTH(D[0:size]), with the empty tree's hash for size 0. */
  LeafHash root(int size) {
    return size == 0 ? hasher.emptyRoot() : hash(0, size);
  }

  /** PATH(m, D[0:size]) as range names. */
  List<String> path(int m, int size) {
    return path(m, 0, size);
  }

  private List<String> path(int m, int begin, int end) {
    List<String> out = new ArrayList<>();
    if (end - begin <= 1) {
      return out;
    }
    int k = Integer.highestOneBit(end - begin - 1);
    if (m < k) {
      out.addAll(path(m, begin, begin + k));
      out.add(name(begin + k, end));
    } else {
      out.addAll(path(m - k, begin + k, end));
      out.add(name(begin, begin + k));
    }
    return out;
  }

  /** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true) as range names. */
  List<String> consistency(int m, int n) {
    return subproof(m, 0, n, true);
  }

  private List<String> subproof(int m, int begin, int end, boolean fromOldRoot) {
    List<String> out = new ArrayList<>();
    int n = end - begin;
    if (m == n) {
      if (!fromOldRoot) {
        out.add(name(begin, end));
      }
      return out;
    }
    int k = Integer.highestOneBit(n - 1);
    if (m <= k) {
      out.addAll(subproof(m, begin, begin + k, fromOldRoot));
      out.add(name(begin + k, end));
    } else {
      out.addAll(subproof(m - k, begin + k, end, false));
      out.add(name(begin, begin + k));
    }
    return out;
  }

  static String name(int begin, int end) {
    return begin + "-" + end;
  }
}
