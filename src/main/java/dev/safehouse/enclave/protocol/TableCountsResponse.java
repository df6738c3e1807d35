package dev.safehouse.enclave.protocol;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The row count of each loaded table: counts only, never rows.
 *
 * <p>Payload: {@code u16 n ‖ n × (str16 table ‖ i64 rows)}, tables in name order.
 *
 * @param rowsByTable rows per table name
 */
public record TableCountsResponse(Map<String, Long> rowsByTable) implements Response {
  /** Copies the map into name order. */
  public TableCountsResponse {
    rowsByTable = Collections.unmodifiableMap(new TreeMap<>(rowsByTable));
  }

  @Override
  public MessageType type() {
    return MessageType.TABLE_COUNTS_RESPONSE;
  }
}
