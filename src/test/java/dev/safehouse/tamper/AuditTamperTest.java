package dev.safehouse.tamper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.audit.AuditEntry;
import dev.safehouse.audit.Checkpoint;
import dev.safehouse.audit.InMemoryMerkleNodes;
import dev.safehouse.audit.InclusionProof;
import dev.safehouse.audit.MerkleFrontier;
import dev.safehouse.audit.MerkleHasher;
import dev.safehouse.audit.MerkleProofs;
import dev.safehouse.cli.audit.CheckpointVerifier;
import dev.safehouse.cli.audit.Receipt;
import dev.safehouse.cli.audit.ReceiptVerifier;
import dev.safehouse.cli.audit.VerificationFailure;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.EnclaveKeys;
import dev.safehouse.crypto.Signer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tamper suite for the audit log's evidence, over a real log: entries' canonical JSON, a Merkle
 * tree built with {@link MerkleFrontier} and {@link InMemoryMerkleNodes}, a checkpoint signed as a
 * C2SP note with the enclave's key, and receipts serialized as the service returns them, checked
 * with the offline verifiers of {@code safehouse audit verify-receipt}.
 *
 * <p>Guarantees checked, for random single-byte mutations (random position, random non-zero XOR): a
 * mutated entry no longer matches its receipt, and a receipt whose leaf hash is recomputed for the
 * mutated entry fails its inclusion proof; a mutated checkpoint note fails as malformed or
 * unsigned, with the errors allowed for the line mutated; a mutated receipt JSON fails as
 * malformed, with a wrong tree size, a bad checkpoint or a bad inclusion proof, as allowed for the
 * field mutated. Every refusal is a {@link VerificationFailure}; none is accepted.
 *
 * <p>Runs once per crypto suite (SHA-256 and Ed25519, or SM3 and SM2). Receipts carry their suite;
 * an altered suite value is refused as a mix of suites. The one change that is accepted: in {@code
 * intl}, renaming the {@code suite} field, since a receipt without it is of suite {@code intl} —
 * nothing that is verified changes.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.safehouse.testing.TestSuite#all")
class AuditTamperTest {
  private static final String ORIGIN = "safehouse.local/audit";
  private static final String KEY_LABEL = "the log key";
  private static final int LEAVES = 37;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String CHECKPOINT_SIGNATURE = "checkpoint signature does not verify under";
  private static final String MALFORMED = "the checkpoint is malformed: ";
  private static final String ROOT_DIFFERS =
      "inclusion proof: computed root differs from the expected root";
  private static final String LEAF_DIFFERS = "leaf hash does not match the entry";
  private static final String RECEIPT_MALFORMED = "the receipt is malformed: ";

  private static final String M_EMPTY = MALFORMED + "the checkpoint body has an empty line";
  private static final String M_FEWER = MALFORMED + "the checkpoint body has fewer than N lines";
  private static final String M_SIZE =
      MALFORMED + "the tree size is not a decimal number without leading zeros";
  private static final String M_ROOT = MALFORMED + "the root hash is not baseN of N bytes";
  private static final String M_ORIGIN = MALFORMED + "the origin holds a control character";
  private static final String M_NO_BLANK = MALFORMED + "no blank line before its signatures";
  private static final String S_NO_SIGNATURE =
      unsigned("the note has no signature by key K with key hash H");
  private static final String S_BAD = unsigned("the signature by key K does not verify");
  private static final String S_LINE = unsigned("signature line N is not '— <key name> <baseN>'");
  private static final String S_SHORT =
      unsigned("signature line N is shorter than a key hash and a signature");
  private static final String S_CONTROL =
      unsigned("the note holds a control character other than newline");
  private static final String S_NAME =
      unsigned("a key name is non-empty and holds no spaces and no '+'");
  private static final String S_END =
      unsigned("the note's signature lines do not end with a newline");

  private static final String R_JSON = RECEIPT_MALFORMED + "it is not JSON";
  private static final String P_SHAPE =
      "inclusion proof: proof has N hashes, a tree of size N needs N for index N";
  private static final String P_INDEX = "inclusion proof: index N is not below tree size N";
  private static final String P_NEGATIVE = "inclusion proof: a leaf index is not negative";
  private static final String TREE_SIZE = "receipt tree size N differs from its checkpoint's N";
  private static final String SUITE_NOT_A_STRING = RECEIPT_MALFORMED + "suite is not a string";

  @Parameter CryptoSuite suite;

  /**
   * What each line of a checkpoint note may fail with when one of its bytes changes. A byte turned
   * into a newline splits its line (hence the line-count and empty-line errors in most regions);
   * one turned into another control character is refused before any line is read. The key name is
   * the origin, so an altered origin finds no signature by its key.
   */
  private static final Map<String, Set<String>> NOTE_ERRORS =
      Map.of(
          "origin line", Set.of(M_ORIGIN, M_EMPTY, M_SIZE, S_NO_SIGNATURE, S_NAME),
          "size line", Set.of(M_SIZE, M_EMPTY, S_BAD),
          "root line", Set.of(M_ROOT, M_EMPTY, S_BAD),
          "body newlines and blank line", Set.of(M_FEWER, M_NO_BLANK),
          "signature dash", Set.of(S_LINE, S_CONTROL, M_EMPTY),
          "signature key name", Set.of(S_NO_SIGNATURE, S_LINE, S_CONTROL),
          "signature space", Set.of(S_LINE, S_CONTROL),
          "signature base64", Set.of(S_LINE, S_NO_SIGNATURE, S_BAD, S_SHORT, S_CONTROL, M_EMPTY),
          "final newline", Set.of(S_END, S_CONTROL));

  /**
   * What each field of a receipt may fail with. A byte turned into a quote, a backslash or a
   * control character breaks the JSON; the checkpoint field fails as its note does.
   */
  private static final Map<String, Set<String>> RECEIPT_ERRORS =
      Map.of(
          "JSON structure and names",
          Set.of(
              R_JSON,
              RECEIPT_MALFORMED + "it is not a JSON object",
              RECEIPT_MALFORMED + "inclusionProof is not an array",
              RECEIPT_MALFORMED + "checkpoint is not a string",
              RECEIPT_MALFORMED + "leafIndex is not a non-negative integer",
              RECEIPT_MALFORMED + "treeSize is not a non-negative integer",
              RECEIPT_MALFORMED + "leafHash is not baseN of N bytes"),
          "leafIndex value",
          Set.of(
              R_JSON,
              RECEIPT_MALFORMED + "leafIndex is not a non-negative integer",
              ROOT_DIFFERS,
              P_SHAPE,
              P_INDEX,
              P_NEGATIVE),
          "leafHash value",
          Set.of(R_JSON, RECEIPT_MALFORMED + "leafHash is not baseN of N bytes", ROOT_DIFFERS),
          "treeSize value",
          Set.of(R_JSON, RECEIPT_MALFORMED + "treeSize is not a non-negative integer", TREE_SIZE),
          "checkpoint value",
          union(R_JSON, NOTE_ERRORS.values()),
          "inclusionProof value",
          Set.of(
              R_JSON,
              RECEIPT_MALFORMED + "inclusionProof[N] is not baseN of N bytes",
              ROOT_DIFFERS));

  private static MerkleHasher hasher;
  private static List<byte[]> entries;
  private static String note;
  private static List<byte[]> receipts;
  private static ReceiptVerifier verifier;
  private static CheckpointVerifier checkpoints;

  @BeforeParameterizedClassInvocation
  static void buildLog(CryptoSuite suite) throws Exception {
    Signer logKey = EnclaveKeys.generate(suite).signer();
    hasher = MerkleHasher.forSuite(suite);
    InMemoryMerkleNodes nodes = new InMemoryMerkleNodes(hasher);
    MerkleFrontier frontier = new MerkleFrontier(hasher);
    entries = new ArrayList<>();
    for (int i = 0; i < LEAVES; i++) {
      byte[] entry = entry(i).canonicalBytes();
      entries.add(entry);
      nodes.append(hasher.leaf(entry));
      frontier.append(hasher.leaf(entry));
    }
    MerkleProofs proofs = new MerkleProofs(nodes, hasher);
    assertThat(frontier.root()).isEqualTo(proofs.root(LEAVES));
    note = new Checkpoint(ORIGIN, LEAVES, frontier.root()).sign(ORIGIN, logKey);
    Base64.Encoder b64 = Base64.getEncoder();
    receipts = new ArrayList<>();
    for (int i = 0; i < LEAVES; i++) {
      InclusionProof proof = proofs.inclusion(i, LEAVES);
      receipts.add(
          JSON.writeValueAsBytes(
              new dev.safehouse.audit.Receipt(
                  suite.wireName(),
                  i,
                  b64.encodeToString(hasher.leaf(entries.get(i)).bytes()),
                  LEAVES,
                  note,
                  proof.path().stream().map(h -> b64.encodeToString(h.bytes())).toList())));
    }
    checkpoints = new CheckpointVerifier(logKey.verifier(), KEY_LABEL);
    verifier = new ReceiptVerifier(checkpoints);
  }

  private static AuditEntry entry(int i) {
    return new AuditEntry(
        Instant.parse("2026-11-25T08:00:00Z").plusSeconds(97L * i),
        new AuditEntry.Actor("analyst-" + i, "ANALYST", Optional.of("bank-" + i % 3)),
        i % 2 == 0 ? "enclave.tables.read" : "score.release",
        Optional.of("credit review " + i),
        new AuditEntry.Target(
            Optional.of("public-credit#" + (i % 4 + 1)), Optional.empty(), Optional.of("q-" + i)),
        i % 5 == 0 ? AuditEntry.Decision.deny("rule-k-anonymity") : AuditEntry.Decision.allow("r1"),
        Optional.of("ab".repeat(32)),
        Optional.empty(),
        Optional.of(0.25));
  }

  @Test
  void control_everyUnmutatedReceiptVerifiesWithItsEntry() {
    for (int i = 0; i < LEAVES; i++) {
      Receipt receipt = parse(receipts.get(i));
      assertThat(verifier.verify(receipt, Optional.of(entries.get(i))).size()).isEqualTo(LEAVES);
      assertThat(receipt.leafIndex()).isEqualTo(i);
    }
    assertThat(checkpoints.verify(note).origin()).isEqualTo(ORIGIN);
    assertThat(new String(receipts.get(0), StandardCharsets.UTF_8)).contains("\u2014 " + ORIGIN);
  }

  @Test
  void leafEntries_everyMutation_breaksTheirReceipt() {
    Mutations run = Mutations.start("audit leaves");
    for (int n = 0; n < Mutations.COUNT; n++) {
      int leaf = run.nextInt(LEAVES);
      byte[] entry = entries.get(leaf);
      int position = run.position(0, entry.length);
      byte mask = run.mask();
      byte[] mutated = Mutations.flip(entry, position, mask);
      Receipt receipt = parse(receipts.get(leaf));
      expect(
          run,
          "entry given with its receipt",
          position,
          mask,
          Set.of(LEAF_DIFFERS),
          () -> verifier.verify(receipt, Optional.of(mutated)));
      // A forger who changes the entry recomputes its leaf hash: the proof then fails.
      Receipt forged =
          new Receipt(
              receipt.suite(),
              receipt.leafIndex(),
              hasher.leaf(mutated),
              receipt.treeSize(),
              receipt.checkpoint(),
              receipt.inclusionProof());
      expect(
          run,
          "entry with a recomputed leaf hash",
          position,
          mask,
          Set.of(ROOT_DIFFERS),
          () -> verifier.verify(forged, Optional.of(mutated)));
    }
    run.assertAllDetected();
  }

  @Test
  void checkpointNote_everyMutation_isRefusedWithTheLinesError() {
    Mutations run = Mutations.start("checkpoint notes");
    byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
    NoteLayout layout = NoteLayout.of(note);
    for (int n = 0; n < Mutations.COUNT; n++) {
      int position = run.position(0, bytes.length);
      byte mask = run.mask();
      String region = layout.region(position);
      String mutated = new String(Mutations.flip(bytes, position, mask), StandardCharsets.UTF_8);
      expect(
          run, region, position, mask, NOTE_ERRORS.get(region), () -> checkpoints.verify(mutated));
    }
    run.assertAllDetected();
  }

  @Test
  void receiptJson_everyMutation_isRefusedWithTheFieldsError() {
    Mutations run = Mutations.start("receipts");
    for (int n = 0; n < Mutations.COUNT; n++) {
      int leaf = run.nextInt(LEAVES);
      byte[] json = receipts.get(leaf);
      ReceiptLayout layout = ReceiptLayout.of(json);
      int position = run.position(0, json.length);
      byte mask = run.mask();
      String region = layout.region(position);
      // Decoded as verify-receipt reads the file: malformed UTF-8 becomes U+FFFD.
      String mutated = new String(Mutations.flip(json, position, mask), StandardCharsets.UTF_8);
      expect(
          run,
          region,
          position,
          mask,
          receiptErrors(region),
          () -> verifier.verify(Receipt.parse(mutated), Optional.empty()));
    }
    run.assertAllDetected();
  }

  /**
   * What a region of a receipt may fail with in this suite: {@link #RECEIPT_ERRORS}, and for the
   * suite field a mix of suites, or (in {@code intl}, where a receipt without the field is of that
   * suite) acceptance when its name changes.
   */
  private Set<String> receiptErrors(String region) {
    return switch (region) {
      case "suite value" -> Set.of(R_JSON, SUITE_NOT_A_STRING, suiteMix());
      case "suite name" ->
          suite == CryptoSuite.INTL
              ? Set.of(R_JSON, "ACCEPTED")
              : Set.of(R_JSON, suiteMix(), SUITE_NOT_A_STRING);
      case "JSON structure and names" ->
          union(SUITE_NOT_A_STRING, List.of(RECEIPT_ERRORS.get(region)));
      default -> RECEIPT_ERRORS.get(region);
    };
  }

  private String suiteMix() {
    return "the receipt is of crypto suite S, the log key of suite "
        + suite.wireName()
        + ": a mix is refused";
  }

  private static String unsigned(String why) {
    return CHECKPOINT_SIGNATURE + " " + KEY_LABEL + " (" + why + ")";
  }

  private static Set<String> union(String one, Collection<Set<String>> sets) {
    Set<String> all = new HashSet<>(Set.of(one));
    sets.forEach(all::addAll);
    return Set.copyOf(all);
  }

  /**
   * Base64 can spell the same bytes more than one way: the last character before the {@code =} of a
   * 32-byte hash carries 4 bits of the hash and 2 padding bits that a lenient decoder ignores.
   * Every mask at that character and at the {@code =}, in every hash of a receipt (leaf hash and
   * proof) and in the note's root and signature, must be refused like any other change.
   */
  @Test
  void base64Tails_everyMask_isRefused() {
    Mutations run = Mutations.exhaustive("base64 tails");
    byte[] json = receipts.get(LEAVES - 6);
    ReceiptLayout layout = ReceiptLayout.of(json);
    String text = new String(json, StandardCharsets.ISO_8859_1);
    for (int end = text.indexOf("=\""); end >= 0; end = text.indexOf("=\"", end + 1)) {
      String region = layout.region(end);
      if (region.equals("checkpoint value")) {
        continue;
      }
      for (int position = end - 1; position <= end; position++) {
        for (int m = 1; m < 256; m++) {
          byte mask = (byte) m;
          String mutated = new String(Mutations.flip(json, position, mask), StandardCharsets.UTF_8);
          expect(
              run,
              region,
              position,
              mask,
              receiptErrors(region),
              () -> verifier.verify(Receipt.parse(mutated), Optional.empty()));
        }
      }
    }
    byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
    NoteLayout lines = NoteLayout.of(note);
    for (int end : new int[] {lines.lineEnds()[2] - 1, lines.lineEnds()[4] - 1}) {
      for (int position = end - 1; position <= end; position++) {
        for (int m = 1; m < 256; m++) {
          byte mask = (byte) m;
          String mutated =
              new String(Mutations.flip(bytes, position, mask), StandardCharsets.UTF_8);
          String region = lines.region(position);
          expect(
              run,
              region,
              position,
              mask,
              NOTE_ERRORS.get(region),
              () -> checkpoints.verify(mutated));
        }
      }
    }
    run.assertAllDetected();
  }

  /** Runs {@code check}, which must throw a {@link VerificationFailure} of an allowed kind. */
  private static void expect(
      Mutations run,
      String region,
      int position,
      byte mask,
      Set<String> allowed,
      Supplier<?> check) {
    String outcome;
    try {
      check.get();
      outcome = "ACCEPTED";
    } catch (VerificationFailure e) {
      outcome = kind(e.getMessage());
    } catch (RuntimeException e) {
      outcome = "refused with " + e.getClass().getName() + " instead of VerificationFailure";
    }
    run.saw(region, position, mask, outcome);
    if (!allowed.contains(outcome)) {
      run.fail(region, position, mask, outcome + ", allowed " + allowed);
    }
  }

  /**
   * The kind of a failure: its message with what a mutation can vary in it (numbers, key names, key
   * hashes) replaced by placeholders.
   */
  static String kind(String message) {
    return message
        .replaceAll(
            "(?s)^the receipt is of crypto suite .*, the log key of suite (\\w+): a mix is refused$",
            "the receipt is of crypto suite S, the log key of suite $1: a mix is refused")
        .replaceAll("by key \\S+", "by key K")
        .replaceAll("key hash [0-9a-f]{8}", "key hash H")
        .replaceAll("\\d+", "N");
  }

  private static Receipt parse(byte[] json) {
    return Receipt.parse(new String(json, StandardCharsets.UTF_8));
  }

  /** The lines of the checkpoint note, by UTF-8 byte offset. */
  private record NoteLayout(
      byte[] bytes, int[] lineEnds, int signatureStart, int keyNameStart, int base64Start) {
    static NoteLayout of(String note) {
      byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
      List<Integer> ends = new ArrayList<>();
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          ends.add(i);
        }
      }
      assertThat(ends).hasSize(5);
      int signatureStart = ends.get(3) + 1;
      int keyNameStart = signatureStart + "\u2014 ".getBytes(StandardCharsets.UTF_8).length;
      int base64Start = keyNameStart + ORIGIN.length() + 1;
      return new NoteLayout(
          bytes,
          ends.stream().mapToInt(Integer::intValue).toArray(),
          signatureStart,
          keyNameStart,
          base64Start);
    }

    String region(int position) {
      if (position <= lineEnds[3] && bytes[position] == '\n') {
        return "body newlines and blank line";
      } else if (position < lineEnds[0]) {
        return "origin line";
      } else if (position < lineEnds[1]) {
        return "size line";
      } else if (position < lineEnds[2]) {
        return "root line";
      } else if (position < keyNameStart) {
        return "signature dash";
      } else if (position < base64Start - 1) {
        return "signature key name";
      } else if (position < base64Start) {
        return "signature space";
      } else if (position < lineEnds[4]) {
        return "signature base64";
      }
      return "final newline";
    }
  }

  /** The fields of a receipt's JSON, by byte offset. */
  private record ReceiptLayout(Map<String, int[]> values) {
    static ReceiptLayout of(byte[] json) {
      String text = new String(json, StandardCharsets.ISO_8859_1);
      int suiteName = text.indexOf("\"suite\"");
      assertThat(suiteName).isNotNegative();
      return new ReceiptLayout(
          Map.of(
              "suite", span(text, "\"suite\":\"", "\""),
              "suite name", new int[] {suiteName, suiteName + "\"suite\"".length()},
              "leafIndex", span(text, "\"leafIndex\":", ",}"),
              "leafHash", span(text, "\"leafHash\":\"", "\""),
              "treeSize", span(text, "\"treeSize\":", ",}"),
              "checkpoint", span(text, "\"checkpoint\":\"", "\""),
              "inclusionProof", span(text, "\"inclusionProof\":[", "]")));
    }

    /** The value after {@code key}: up to the first of {@code ends} not escaped by a backslash. */
    private static int[] span(String text, String key, String ends) {
      int start = text.indexOf(key);
      assertThat(start).as(key).isNotNegative();
      start += key.length();
      int end = start;
      while (ends.indexOf(text.charAt(end)) < 0) {
        end += text.charAt(end) == '\\' ? 2 : 1;
      }
      return new int[] {start, end};
    }

    String region(int position) {
      for (Map.Entry<String, int[]> value : values.entrySet()) {
        if (position >= value.getValue()[0] && position < value.getValue()[1]) {
          return value.getKey().endsWith(" name") ? value.getKey() : value.getKey() + " value";
        }
      }
      return "JSON structure and names";
    }
  }
}
