package dev.safehouse.enclave.scoring;

import dev.safehouse.enclave.ingest.EnclaveContext;
import dev.safehouse.enclave.store.EnclaveTables;
import dev.safehouse.scoring.Feature;
import dev.safehouse.scoring.Scorecard;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scorecard's feature columns of every enterprise, read from {@code fused} in one scan and kept
 * in the enclave's memory by code, so a score is a hash lookup rather than a query. The scan is
 * repeated whenever the loaded dataset versions change. Plaintext, in memory only, like the tables
 * it is read from; not thread-safe (the enclave answers one request at a time).
 */
final class FeatureRows {
  private static final String BASE_TABLE = "public_credit";

  private Map<String, EnclaveContext.InputRoot> readFrom;
  private Scorecard readFor;
  private List<String> columns = List.of();
  private Map<String, Object[]> rows = Map.of();

  /** Returns the feature values of {@code uscc} by column, or empty if it has no data. */
  Optional<Map<String, Object>> find(EnclaveContext context, Scorecard card, String uscc) {
    refresh(context, card);
    Object[] row = rows.get(uscc);
    if (row == null) {
      return Optional.empty();
    }
    Map<String, Object> values = new HashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      values.put(columns.get(c), row[c]);
    }
    return Optional.of(values);
  }

  private void refresh(EnclaveContext context, Scorecard card) {
    Map<String, EnclaveContext.InputRoot> loaded = context.inputRoots();
    if (loaded.equals(readFrom) && card == readFor) {
      return;
    }
    EnclaveTables tables = context.tables();
    Map<String, Object[]> scanned = new HashMap<>();
    List<String> names = card.features().stream().map(Feature::column).distinct().toList();
    if (tables.rowCounts().containsKey(BASE_TABLE)) {
      // Column names come from the scorecard, checked against the dataset schemas at load.
      String sql =
          "SELECT uscc" + (names.isEmpty() ? "" : ", " + String.join(", ", names)) + " FROM fused";
      for (Object[] row : tables.select(sql, List.of())) {
        Object[] values = new Object[names.size()];
        System.arraycopy(row, 1, values, 0, names.size());
        scanned.put((String) row[0], values);
      }
    }
    columns = names;
    rows = scanned;
    readFrom = loaded;
    readFor = card;
  }
}
