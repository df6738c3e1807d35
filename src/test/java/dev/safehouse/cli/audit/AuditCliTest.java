package dev.safehouse.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.audit.LeafHash;
import dev.safehouse.cli.SafehouseCli;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.Signer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code safehouse audit} commands through the real command line, without a server. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.safehouse.testing.TestSuite#all")
class AuditCliTest {
  @Parameter CryptoSuite suite;

  static Signer key;
  static TestLog log;

  @TempDir Path dir;

  @BeforeParameterizedClassInvocation
  static void log(CryptoSuite suite) {
    key = suite.newSigner();
    log = TestLog.of(key, 61, 9);
  }

  record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = SafehouseCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(status, out.toString(), err.toString());
  }

  private Path receiptFile(Receipt receipt) throws Exception {
    Path file = dir.resolve("receipt.json");
    Files.writeString(file, ReceiptTest.json(receipt).toString());
    return file;
  }

  private Receipt receipt(int index) {
    return new Receipt(
        suite.wireName(),
        index,
        log.hasher.leaf(log.entries.get(index)),
        9,
        log.note(9),
        log.inclusion(index, 9).path());
  }

  private Run verifyReceipt(Path receipt, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                "verify-receipt",
                "--receipt",
                receipt.toString(),
                "--log-key",
                key.verifier().toText()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void verifyReceipt_genuineWithEntry_exits0AndSaysWhatItChecked() throws Exception {
    Path entry = dir.resolve("entry.json");
    Files.write(entry, log.entries.get(4));

    Run run = verifyReceipt(receiptFile(receipt(4)), "--entry", entry.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("checkpoint size 9 signed by safehouse.local/audit (key hash ")
        .contains("leaf hash matches the entry")
        .contains("receipt verified: leaf 4 is included in the signed log of size 9");
  }

  @Test
  void verifyReceipt_flippedProofBit_exits1NamingTheStep() throws Exception {
    Receipt good = receipt(4);
    List<LeafHash> path = new ArrayList<>(good.inclusionProof());
    byte[] bytes = path.get(0).bytes();
    bytes[0] ^= (byte) 0x80;
    path.set(0, new LeafHash(bytes));
    Receipt bad = new Receipt(good.suite(), 4, good.leafHash(), 9, good.checkpoint(), path);

    Run run = verifyReceipt(receiptFile(bad));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("FAIL: inclusion proof: computed root differs from the expected root\n");
  }

  @Test
  void verifyReceipt_anotherEntry_exits1() throws Exception {
    Path entry = dir.resolve("entry.json");
    Files.write(entry, log.entries.get(5));

    Run run = verifyReceipt(receiptFile(receipt(4)), "--entry", entry.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains("FAIL: leaf hash does not match the entry");
  }

  @Test
  void verifyReceipt_noLogKeyNorAttestation_exits2() throws Exception {
    Run run = run("audit", "verify-receipt", "--receipt", receiptFile(receipt(1)).toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("give --log-key, or --measurement and --platform-key");
  }

  @Test
  void verifyReceipt_logKeyAndAttestation_exits2() throws Exception {
    Run run = verifyReceipt(receiptFile(receipt(1)), "--measurement", "00");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("not both");
  }

  @Test
  void verifyReceipt_logKeyNotAKey_exits2WithoutEchoingIt() throws Exception {
    Run run =
        run(
            "audit",
            "verify-receipt",
            "--receipt",
            receiptFile(receipt(1)).toString(),
            "--log-key",
            "bm90LWEta2V5LXNlY3JldA==");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--log-key is not a verification key").doesNotContain("bm90");
  }

  @Test
  void verifyReceipt_missingFile_exits2() {
    Run run = verifyReceipt(dir.resolve("absent.json"));

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("cannot read");
  }

  @Test
  void verify_serverUnreachable_exits2AndWritesNoStateNorToken() throws Exception {
    Path token = dir.resolve("auditor.token");
    Files.writeString(token, "eyJ-secret-token");
    Path platform = dir.resolve("platform.pub");
    Files.writeString(platform, key.suite().newSigner().verifier().toText());
    Path state = dir.resolve("state.json");

    Run run =
        run(
            "audit",
            "verify",
            "--server",
            "http://127.0.0.1:1",
            "--token-file",
            token.toString(),
            "--measurement",
            "ab".repeat(32),
            "--platform-key",
            platform.toString(),
            "--state",
            state.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("safehouse: network or server error");
    assertThat(run.out() + run.err()).doesNotContain("secret");
    assertThat(state).doesNotExist();
  }

  @Test
  void verify_withoutMeasurement_exits2() {
    Run run = run("audit", "verify", "--token-file", "/nonexistent");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--measurement");
  }

  @Test
  void auditHelp_listsTheCommands() {
    Run run = run("audit", "--help");

    assertThat(run.status()).isZero();
    assertThat(Stream.of("verify", "verify-receipt", "checkpoint"))
        .allMatch(name -> run.out().contains(name));
  }
}
