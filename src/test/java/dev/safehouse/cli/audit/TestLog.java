package dev.safehouse.cli.audit;

import dev.safehouse.audit.Checkpoint;
import dev.safehouse.audit.ConsistencyProof;
import dev.safehouse.audit.InMemoryMerkleNodes;
import dev.safehouse.audit.InclusionProof;
import dev.safehouse.audit.LeafHash;
import dev.safehouse.audit.MerkleHasher;
import dev.safehouse.audit.MerkleProofs;
import dev.safehouse.crypto.Signer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

/**
 * A real audit log in memory for tests: seeded entries, the audit library's tree and proofs, and
 * checkpoints signed with a real key of either suite (hashed with that suite's hash). Serves its
 * entries (or a tampered / truncated copy set with {@link #serve}) in short pages, and honest
 * consistency proofs of its own tree.
 */
final class TestLog implements AuditLogSource {
  static final String ORIGIN = "safehouse.local/audit";

  final Signer key;
  final String origin;
  final List<byte[]> entries;
  final MerkleHasher hasher;
  private final InMemoryMerkleNodes nodes;
  private List<byte[]> served;
  private int pageSize = 13;
  int consistencyCalls;

  TestLog(Signer key, String origin, List<byte[]> entries) {
    this.key = key;
    this.origin = origin;
    this.entries = List.copyOf(entries);
    this.served = this.entries;
    this.hasher = MerkleHasher.forSuite(key.suite());
    this.nodes = new InMemoryMerkleNodes(hasher);
    entries.forEach(entry -> nodes.append(hasher.leaf(entry)));
  }

  /** A log of {@code size} seeded entries under the default origin. */
  static TestLog of(Signer key, long seed, int size) {
    return new TestLog(key, ORIGIN, entries(seed, size));
  }

  /** Entries shaped like canonical JSON audit records, seeded. */
  static List<byte[]> entries(long seed, int size) {
    Random random = new Random(seed);
    List<byte[]> entries = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      byte[] nonce = new byte[8];
      random.nextBytes(nonce);
      String json =
          "{\"action\":\"query\",\"seq\":"
              + i
              + ",\"x\":\""
              + HexFormat.of().formatHex(nonce)
              + "\"}";
      entries.add(json.getBytes(StandardCharsets.UTF_8));
    }
    return entries;
  }

  /** The first {@code prefix} entries of this log, then {@code extra} different ones. */
  TestLog fork(int prefix, int extra, long seed) {
    List<byte[]> forked = new ArrayList<>(entries.subList(0, prefix));
    forked.addAll(entries(seed, extra));
    return new TestLog(key, origin, forked);
  }

  /** This log with {@code more} new entries appended: the same log, grown. */
  TestLog grown(int more, long seed) {
    List<byte[]> all = new ArrayList<>(entries);
    all.addAll(entries(seed, more));
    return new TestLog(key, origin, all);
  }

  /** Serves {@code entries} instead of the genuine ones. */
  TestLog serve(List<byte[]> entries) {
    this.served = List.copyOf(entries);
    return this;
  }

  TestLog pageSize(int size) {
    this.pageSize = size;
    return this;
  }

  int size() {
    return entries.size();
  }

  LeafHash root(long size) {
    return proofs().root(size);
  }

  Checkpoint checkpoint(long size) {
    return new Checkpoint(origin, size, root(size));
  }

  String note(long size) {
    return checkpoint(size).sign(origin, key);
  }

  String note() {
    return note(size());
  }

  InclusionProof inclusion(long index, long size) {
    return proofs().inclusion(index, size);
  }

  /** The entries with entry {@code index} changed by one byte. */
  List<byte[]> tamperedAt(int index) {
    List<byte[]> copy = new ArrayList<>(entries);
    byte[] changed = copy.get(index).clone();
    changed[changed.length - 3] ^= 0x01;
    copy.set(index, changed);
    return copy;
  }

  @Override
  public EntryPage entries(long start, long end) {
    List<LogEntry> page = new ArrayList<>();
    long stop = Math.min(Math.min(end, served.size()), start + pageSize);
    for (long i = start; i < stop; i++) {
      page.add(new LogEntry(i, served.get((int) i)));
    }
    // As the service answers: next only within the requested range, null once it is served.
    OptionalLong next =
        stop < Math.min(end, served.size()) ? OptionalLong.of(stop) : OptionalLong.empty();
    return new EntryPage(size(), page, next);
  }

  @Override
  public ConsistencyProof consistency(long firstSize, long secondSize) {
    consistencyCalls++;
    return proofs().consistency(firstSize, secondSize);
  }

  private MerkleProofs proofs() {
    return new MerkleProofs(nodes, hasher);
  }
}
