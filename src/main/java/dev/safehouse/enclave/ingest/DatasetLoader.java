package dev.safehouse.enclave.ingest;

import dev.safehouse.audit.MerkleRootBuilder;
import dev.safehouse.crypto.EnclaveKeys;
import dev.safehouse.crypto.Envelope;
import dev.safehouse.crypto.EnvelopeException;
import dev.safehouse.crypto.VerificationKey;
import dev.safehouse.enclave.store.ColumnDef;
import dev.safehouse.enclave.store.EnclaveTables;
import dev.safehouse.policy.ColumnSpec;
import dev.safehouse.policy.CsvReader;
import dev.safehouse.policy.DatasetSchema;
import dev.safehouse.policy.RowValidator;
import dev.safehouse.policy.RowViolation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one envelope into a loaded table, or rejects it whole.
 *
 * <h2>Security guarantees</h2>
 *
 * Nothing is loaded unless the envelope opens (signature, enclave key, digest — see {@link
 * Envelope#open}), was made against this bundle's schema of the dataset, decrypts to the end, has
 * the signed row count, and every row validates. A rejection report names checks, rows and columns
 * only, never a value. Plaintext exists only in this process's memory while it is parsed and in the
 * in-memory table afterwards.
 */
final class DatasetLoader {
  private static final int REPORTED_VIOLATIONS = 10;

  private final EnclaveTables tables;

  DatasetLoader(EnclaveTables tables) {
    this.tables = tables;
  }

  /**
   * What happened to one envelope.
   *
   * @param loaded whether the table now holds it
   * @param rows rows loaded
   * @param inputRoot hex RFC 6962 root over the rows' canonical encodings, in file order
   * @param report the reason when rejected
   */
  record Outcome(boolean loaded, long rows, String inputRoot, String report) {
    static Outcome rejected(String report) {
      return new Outcome(false, 0, "", report);
    }
  }

  Outcome load(
      DatasetSchema schema, byte[] envelope, VerificationKey providerKey, EnclaveKeys keys) {
    Envelope.Opened opened;
    try {
      opened = Envelope.open(envelope, providerKey, keys);
    } catch (EnvelopeException e) {
      return Outcome.rejected(e.getMessage());
    }
    if (!opened.header().datasetId().equals(schema.id().value())) {
      return Outcome.rejected("the envelope is for another dataset");
    }
    if (!opened.header().schemaHash().equals(schema.schemaHash())) {
      return Outcome.rejected("the envelope was made for another version of the dataset's schema");
    }
    List<Object[]> rows = new ArrayList<>();
    List<RowViolation> violations = new ArrayList<>();
    MerkleRootBuilder root = new MerkleRootBuilder();
    try (CsvReader csv =
        new CsvReader(
            new BufferedReader(
                new InputStreamReader(opened.plaintext(), StandardCharsets.UTF_8)))) {
      RowValidator validator = new RowValidator(schema);
      String[] header = csv.next();
      RowViolation headerViolation =
          header == null
              ? new RowViolation(0, "*", "the file is empty")
              : validator.checkHeader(header);
      if (headerViolation != null) {
        return Outcome.rejected(headerViolation.toString());
      }
      String[] cells;
      while ((cells = csv.next()) != null) {
        Object[] typed = new Object[schema.columns().size()];
        if (validator.validate(csv.recordNumber() - 1, cells, typed, violations)) {
          rows.add(typed);
          root.addLeafData(CanonicalRow.encode(typed));
        }
      }
    } catch (CsvReader.CsvFormatException e) {
      return Outcome.rejected("not valid CSV: " + e.getMessage());
    } catch (IOException e) {
      return Outcome.rejected("decryption failed: the ciphertext was altered or truncated");
    }
    if (!violations.isEmpty()) {
      return Outcome.rejected(report(violations));
    }
    if (rows.size() != opened.header().rowCount()) {
      return Outcome.rejected(
          "the envelope declares " + opened.header().rowCount() + " rows but holds " + rows.size());
    }
    tables.replaceTable(schema.tableName(), columns(schema), rows.iterator());
    return new Outcome(true, rows.size(), root.root().hex(), "");
  }

  static List<ColumnDef> columns(DatasetSchema schema) {
    List<ColumnDef> columns = new ArrayList<>();
    for (ColumnSpec spec : schema.columns()) {
      ColumnDef.SqlType type =
          switch (spec.type()) {
            case USCC, STRING, ENUM -> ColumnDef.SqlType.VARCHAR;
            case INTEGER -> ColumnDef.SqlType.BIGINT;
            case DECIMAL -> ColumnDef.SqlType.DOUBLE;
            case BOOLEAN -> ColumnDef.SqlType.BOOLEAN;
          };
      columns.add(new ColumnDef(spec.name(), type));
    }
    return columns;
  }

  private static String report(List<RowViolation> violations) {
    StringBuilder report =
        new StringBuilder(violations.size() + " invalid cell(s); rejected whole. ");
    for (int i = 0; i < Math.min(REPORTED_VIOLATIONS, violations.size()); i++) {
      report.append(i == 0 ? "" : "; ").append(violations.get(i));
    }
    if (violations.size() > REPORTED_VIOLATIONS) {
      report.append("; …");
    }
    return report.toString();
  }
}
