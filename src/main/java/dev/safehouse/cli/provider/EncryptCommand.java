package dev.safehouse.cli.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.common.DatasetId;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.EnclavePublicKeys;
import dev.safehouse.crypto.Envelope;
import dev.safehouse.crypto.EnvelopeHeader;
import dev.safehouse.crypto.Signer;
import dev.safehouse.policy.CsvReader;
import dev.safehouse.policy.DatasetSchema;
import dev.safehouse.policy.DatasetSchemas;
import dev.safehouse.policy.RowValidator;
import dev.safehouse.policy.RowViolation;
import dev.safehouse.policy.TypedRows;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code safehouse provider encrypt}: validates a CSV against its dataset schema, then encrypts it
 * into a signed envelope for the enclave whose keys {@code attest} verified. Runs entirely on the
 * provider's machine.
 */
@Command(
    name = "encrypt",
    description = "Validate a CSV and encrypt it into a signed envelope for the verified enclave.",
    mixinStandardHelpOptions = true)
public final class EncryptCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--dataset", required = true, description = "dataset id, e.g. public-credit")
  String dataset;

  @Option(names = "--csv", required = true, description = "the plaintext CSV")
  Path csv;

  @Option(
      names = "--enclave-keys",
      defaultValue = "enclave-keys.json",
      description = "written by 'attest'")
  Path enclaveKeys;

  @Option(
      names = "--signing-key",
      required = true,
      description = "the provider key file from 'keygen'")
  Path signingKey;

  @Option(
      names = "--policies",
      defaultValue = "policies",
      description = "policy bundle (dataset schemas)")
  Path policies;

  @Option(names = "--version-label", description = "the provider's label (default: today's date)")
  String versionLabel;

  @Option(names = "--out", required = true, description = "the envelope to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    DatasetSchema schema =
        DatasetSchemas.load(policies)
            .find(DatasetId.parse(dataset))
            .orElseThrow(
                () -> new IllegalArgumentException("no dataset " + dataset + " in " + policies));
    long rows = validate(schema, csv, spec.commandLine().getErr());
    JsonNode keys = new ObjectMapper().readTree(enclaveKeys.toFile());
    CryptoSuite suite = CryptoSuite.fromWireName(keys.path("suite").asText("intl"));
    EnclavePublicKeys enclave =
        EnclavePublicKeys.of(
            suite,
            Base64.getDecoder().decode(keys.path("wrappingKey").asText()),
            keys.path("signingKey").asText());
    String keyText = Files.readString(signingKey);
    if (CryptoSuite.ofKeyText(keyText) != suite) {
      throw new IllegalArgumentException(
          "the enclave uses crypto suite "
              + suite
              + " but "
              + signingKey
              + " is a key of suite "
              + CryptoSuite.ofKeyText(keyText)
              + "; create one with: safehouse provider keygen --suite "
              + suite);
    }
    Signer provider = suite.signerFromInsecureText(keyText);
    String label = versionLabel != null ? versionLabel : LocalDate.now().toString();
    ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "encrypt", Files.size(csv));
    EnvelopeHeader header;
    try (InputStream in = new Counting(Files.newInputStream(csv), progress)) {
      header =
          Envelope.write(
              in,
              out,
              new Envelope.Description(schema.id().value(), label, schema.schemaHash(), rows),
              enclave,
              provider);
    }
    progress.finish();
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s: %d rows, suite %s, ciphertext %s %s%n",
            out, rows, suite, suite.hashName(), header.ciphertextDigest());
    return 0;
  }

  /**
   * Checks every row before anything is encrypted.
   *
   * @return the number of data rows
   * @throws IllegalArgumentException listing the first violations if any row is invalid
   */
  static long validate(DatasetSchema schema, Path csv, PrintWriter err) throws IOException {
    RowValidator validator = new RowValidator(schema);
    List<RowViolation> violations = new ArrayList<>();
    long rows = 0;
    try (CsvReader reader = new CsvReader(Files.newInputStream(csv))) {
      RowViolation header =
          reader.next()
              ? validator.checkHeader(reader.fields())
              : new RowViolation(0, "*", "the file is empty");
      if (header != null) {
        throw new IllegalArgumentException(header.toString());
      }
      TypedRows row = new TypedRows(schema, 1);
      while (reader.next()) {
        rows++;
        validator.validate(rows, reader, row, violations);
        row.clear();
      }
    }
    if (!violations.isEmpty()) {
      violations.stream().limit(20).forEach(v -> err.println("  " + v));
      throw new IllegalArgumentException(
          violations.size() + " invalid cell(s); nothing was encrypted");
    }
    return rows;
  }

  /** Reports bytes read to the progress bar. */
  private static final class Counting extends FilterInputStream {
    private final ProgressBar progress;
    private long read;

    Counting(InputStream in, ProgressBar progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        read += n;
        progress.update(read);
      }
      return n;
    }
  }
}
