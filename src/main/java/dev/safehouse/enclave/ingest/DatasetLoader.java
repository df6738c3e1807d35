package dev.safehouse.enclave.ingest;

import dev.safehouse.audit.MerkleHasher;
import dev.safehouse.audit.MerkleRootBuilder;
import dev.safehouse.crypto.EnclaveKeys;
import dev.safehouse.crypto.Envelope;
import dev.safehouse.crypto.EnvelopeException;
import dev.safehouse.crypto.Verifier;
import dev.safehouse.enclave.store.ColumnDef;
import dev.safehouse.enclave.store.EnclaveTables;
import dev.safehouse.policy.DatasetSchema;
import dev.safehouse.policy.RowViolation;
import dev.safehouse.policy.TypedRows;
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
  private final EnclaveTables tables;

  DatasetLoader(EnclaveTables tables) {
    this.tables = tables;
  }

  /**
   * What happened to one envelope.
   *
   * @param loaded whether the table now holds it
   * @param rows rows loaded
   * @param inputRoot hex RFC 6962 root over the rows' canonical encodings, in file order, with the
   *     suite's hash (SHA-256 or SM3)
   * @param report the reason when rejected
   */
  record Outcome(boolean loaded, long rows, String inputRoot, String report) {
    static Outcome rejected(String report) {
      return new Outcome(false, 0, "", report);
    }
  }

  Outcome load(DatasetSchema schema, byte[] envelope, Verifier providerKey, EnclaveKeys keys) {
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
    MerkleRootBuilder root = new MerkleRootBuilder(MerkleHasher.forSuite(keys.suite()));
    try (ValidatedBatches batches = new ValidatedBatches(schema, opened.plaintext());
        EnclaveTables.TableLoad table = tables.startLoad(schema.tableName(), columns(schema))) {
      long loaded = table.fill(chunk -> write(batches, root, chunk));
      ValidatedBatches.Outcome outcome = batches.outcome();
      if (outcome.failure() != null) {
        return Outcome.rejected(outcome.failure());
      }
      if (outcome.violationCount() > 0) {
        return Outcome.rejected(report(outcome));
      }
      if (outcome.rows() != opened.header().rowCount() || loaded != outcome.rows()) {
        return Outcome.rejected(
            "the envelope declares "
                + opened.header().rowCount()
                + " rows but holds "
                + outcome.rows());
      }
      table.commit();
      return new Outcome(true, loaded, root.root().hex(), "");
    }
  }

  /**
   * Moves the next batch of valid rows into DuckDB's chunk, adding each row to the input root in
   * file order; runs on the thread DuckDB pulls the rows with.
   *
   * @return the number of rows written, 0 at the end
   */
  private static int write(
      ValidatedBatches batches, MerkleRootBuilder root, EnclaveTables.Chunk chunk)
      throws InterruptedException {
    TypedRows rows = batches.take();
    if (rows == null) {
      return 0;
    }
    if (rows.size() > chunk.capacity()) {
      throw new IllegalStateException("a batch is larger than the engine's chunk");
    }
    int n = rows.size();
    for (int r = 0; r < n; r++) {
      root.addLeafData(CanonicalRow.encode(rows, r));
    }
    for (int c = 0; c < rows.columnCount(); c++) {
      switch (rows.type(c)) {
        case USCC, STRING, ENUM -> chunk.setTexts(c, rows.textColumn(c), n);
        case INTEGER -> {
          for (int r = 0; r < n; r++) {
            if (rows.isNull(r, c)) {
              chunk.setNull(c, r);
            } else {
              chunk.setLong(c, r, rows.longValue(r, c));
            }
          }
        }
        case DECIMAL -> {
          for (int r = 0; r < n; r++) {
            if (rows.isNull(r, c)) {
              chunk.setNull(c, r);
            } else {
              chunk.setDouble(c, r, rows.doubleValue(r, c));
            }
          }
        }
        case BOOLEAN -> {
          for (int r = 0; r < n; r++) {
            if (rows.isNull(r, c)) {
              chunk.setNull(c, r);
            } else {
              chunk.setBoolean(c, r, rows.booleanValue(r, c));
            }
          }
        }
      }
    }
    batches.recycle(rows);
    return n;
  }

  static List<ColumnDef> columns(DatasetSchema schema) {
    return schema.columns().stream().map(ColumnDef::of).toList();
  }

  private static String report(ValidatedBatches.Outcome outcome) {
    StringBuilder report =
        new StringBuilder(outcome.violationCount() + " invalid cell(s); rejected whole. ");
    List<RowViolation> violations = outcome.violations();
    for (int i = 0; i < violations.size(); i++) {
      report.append(i == 0 ? "" : "; ").append(violations.get(i));
    }
    if (outcome.violationCount() > violations.size()) {
      report.append("; …");
    }
    return report.toString();
  }
}
