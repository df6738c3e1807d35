package dev.safehouse.enclave.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.cli.demo.SyntheticCreditData;
import dev.safehouse.common.DatasetId;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.EnclaveKeys;
import dev.safehouse.crypto.EnclavePublicKeys;
import dev.safehouse.crypto.Envelope;
import dev.safehouse.crypto.InsecureDevKeyGenerator;
import dev.safehouse.crypto.Signer;
import dev.safehouse.enclave.protocol.ErrorResponse;
import dev.safehouse.enclave.protocol.InitRequest;
import dev.safehouse.enclave.protocol.InitResponse;
import dev.safehouse.enclave.protocol.LoadRequest;
import dev.safehouse.enclave.protocol.LoadResponse;
import dev.safehouse.enclave.protocol.Response;
import dev.safehouse.enclave.store.EnclaveTables;
import dev.safehouse.policy.DatasetSchemas;
import dev.safehouse.testing.TestSuite;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The enclave's side of ingestion, with real keys, real envelopes and the real schemas, once per
 * crypto suite.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.safehouse.testing.TestSuite#all")
class LoadHandlerTest {
  private static final Path POLICIES = Path.of("policies");
  private static final String MARKER = "MARKER-91350100M000100Y43-SECRET";

  @TempDir Path dir;
  private EnclaveContext context;
  private LoadHandler loads;
  private EnclavePublicKeys enclaveKeys;
  private final CryptoSuite suite;
  private final Signer provider;

  LoadHandlerTest(CryptoSuite suite) {
    this.suite = suite;
    this.provider = suite.newSigner();
  }

  @BeforeEach
  void initialise() throws Exception {
    Path master = dir.resolve("master.json");
    PrintStream stdout = System.out;
    ByteArrayOutputStream keyset = new ByteArrayOutputStream();
    System.setOut(new PrintStream(keyset, true, StandardCharsets.UTF_8));
    try {
      InsecureDevKeyGenerator.main(new String[] {"master"});
    } finally {
      System.setOut(stdout);
    }
    Files.write(master, keyset.toByteArray());
    context = new EnclaveContext(EnclaveTables.open());
    Response init =
        new InitHandler(context)
            .handle(
                new InitRequest(
                    suite.wireName(),
                    "local-kms://" + master,
                    new byte[0],
                    new byte[0],
                    POLICIES.toString(),
                    ""));
    InitResponse keys = (InitResponse) init;
    assertThat(keys.generated()).isTrue();
    enclaveKeys = EnclavePublicKeys.of(suite, keys.wrappingKey(), keys.signingKey());
    loads = new LoadHandler(context);
    SyntheticCreditData.write(dir.resolve("csv"), 300, 11);
  }

  @AfterEach
  void close() {
    context.tables().close();
  }

  private byte[] envelope(String dataset, byte[] csv, Signer signer, String schemaHash)
      throws Exception {
    return envelope(dataset, csv, signer, schemaHash, enclaveKeys);
  }

  private byte[] envelope(
      String dataset, byte[] csv, Signer signer, String schemaHash, EnclavePublicKeys enclaveKeys)
      throws Exception {
    Path out = dir.resolve(dataset + ".envelope");
    long rows = new String(csv, StandardCharsets.UTF_8).lines().count() - 1;
    try (InputStream in = new java.io.ByteArrayInputStream(csv)) {
      Envelope.write(
          in,
          out,
          new Envelope.Description(dataset, "2026-11", schemaHash, rows),
          enclaveKeys,
          signer);
    }
    return Files.readAllBytes(out);
  }

  private byte[] envelope(String dataset) throws Exception {
    return envelope(
        dataset,
        Files.readAllBytes(dir.resolve("csv").resolve(dataset + ".csv")),
        provider,
        schemaHash(dataset));
  }

  private static String schemaHash(String dataset) {
    return DatasetSchemas.load(POLICIES).find(DatasetId.parse(dataset)).orElseThrow().schemaHash();
  }

  /** Sends the envelope in 7 KiB chunks, as the host does, and returns the final answer. */
  private LoadResponse send(String dataset, byte[] envelope, Signer registered) {
    int chunk = 7 * 1024;
    Response last = null;
    for (int offset = 0; offset < envelope.length; offset += chunk) {
      byte[] part = Arrays.copyOfRange(envelope, offset, Math.min(envelope.length, offset + chunk));
      boolean isLast = offset + chunk >= envelope.length;
      last =
          loads.handle(
              new LoadRequest(
                  dataset, 1, "provider-a", registered.verifier().toText(), offset, isLast, part));
      assertThat(last).isInstanceOf(LoadResponse.class);
    }
    return (LoadResponse) last;
  }

  @Test
  void load_threeSources_buildsTablesAndTheFusedView() throws Exception {
    for (String dataset : new String[] {"public-credit", "market-credit", "financial-credit"}) {
      LoadResponse loaded = send(dataset, envelope(dataset), provider);
      assertThat(loaded.state()).as(loaded.report()).isEqualTo(LoadResponse.State.LOADED);
      assertThat(loaded.inputRoot()).hasSize(64);
    }
    assertThat(context.tables().rowCounts()).containsEntry("public_credit", 300L);
    assertThat(context.tables().count("fused")).isEqualTo(300);
    // The same envelope yields the same input root.
    byte[] again = envelope("public-credit");
    assertThat(send("public-credit", again, provider).inputRoot())
        .isEqualTo(send("public-credit", again, provider).inputRoot());
  }

  @Test
  void load_tamperedTruncatedForgedOrMismatched_isRejectedWithAReasonAndLoadsNothing()
      throws Exception {
    byte[] good = envelope("market-credit");
    byte[] flipped = good.clone();
    flipped[good.length - 20] ^= 1;
    byte[] truncated = Arrays.copyOf(good, good.length - 40);
    byte[] csv = Files.readAllBytes(dir.resolve("csv/market-credit.csv"));

    assertRejected(
        send("market-credit", flipped, provider), "ciphertext does not match the signed digest");
    assertRejected(
        send("market-credit", truncated, provider), "ciphertext does not match the signed digest");
    assertRejected(
        send("market-credit", good, suite.newSigner()), "signed by a key not registered");
    Signer impostor = suite.newSigner();
    assertRejected(
        send(
            "market-credit",
            envelope("market-credit", csv, impostor, schemaHash("market-credit")),
            provider),
        "signed by a key not registered");
    assertRejected(
        send("market-credit", envelope("market-credit", csv, provider, "0".repeat(64)), provider),
        "another version of the dataset's schema");
    assertRejected(send("public-credit", good, provider), "another dataset");
    assertRejected(send("no-such-data", good, provider), "no dataset of that name");
    assertThat(context.tables().rowCounts()).isEmpty();
  }

  @Test
  void load_envelopeOfTheOtherSuite_isRejectedAndLoadsNothing() throws Exception {
    CryptoSuite other = TestSuite.other(suite);
    Signer otherProvider = other.newSigner();
    byte[] csv = Files.readAllBytes(dir.resolve("csv/market-credit.csv"));
    byte[] theirs =
        envelope(
            "market-credit",
            csv,
            otherProvider,
            schemaHash("market-credit"),
            EnclaveKeys.generate(other).publicKeys());

    assertRejected(
        send("market-credit", theirs, provider),
        "envelope uses another crypto suite than this enclave");
    assertRejected(
        send("market-credit", theirs, otherProvider),
        "the provider's registered key is not a verification key of this suite");
    assertRejected(
        send("market-credit", envelope("market-credit"), otherProvider),
        "the provider's registered key is not a verification key of this suite");
    assertThat(context.tables().rowCounts()).isEmpty();
  }

  @Test
  void load_invalidRow_isRejectedNamingRowAndColumnButNotTheValue() throws Exception {
    String csv = Files.readString(dir.resolve("csv/market-credit.csv"));
    String[] lines = csv.split("\n");
    String[] cells = lines[5].split(",", -1);
    cells[0] = "91350100M000100Y44"; // wrong check character
    lines[5] = String.join(",", cells);
    String[] cells7 = lines[7].split(",", -1);
    cells7[1] = MARKER; // not a number
    lines[7] = String.join(",", cells7);
    byte[] bad = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

    LoadResponse response =
        send(
            "market-credit",
            envelope("market-credit", bad, provider, schemaHash("market-credit")),
            provider);

    assertRejected(response, "row 5, column uscc: not a valid unified social credit code");
    assertThat(response.report())
        .contains("row 7, column on_time_payment_rate: not a number")
        .doesNotContain(MARKER)
        .doesNotContain("91350100M000100Y44");
    assertThat(context.tables().rowCounts()).isEmpty();
  }

  @Test
  void load_beforeInitOrOutOfOrder_isRefused() throws Exception {
    LoadHandler fresh = new LoadHandler(new EnclaveContext(context.tables()));
    assertThat(fresh.handle(new LoadRequest("market-credit", 1, "p", "k", 0, true, new byte[1])))
        .isInstanceOf(ErrorResponse.class);
    assertThat(loads.handle(new LoadRequest("market-credit", 1, "p", "k", 10, false, new byte[1])))
        .isInstanceOf(ErrorResponse.class);
  }

  private static void assertRejected(LoadResponse response, String reason) {
    assertThat(response.state()).isEqualTo(LoadResponse.State.REJECTED);
    assertThat(response.report()).contains(reason);
    assertThat(response.rows()).isZero();
  }
}
