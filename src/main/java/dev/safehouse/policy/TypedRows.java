package dev.safehouse.policy;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A batch of validated rows of one dataset, stored by column: text (uscc, string, enum) as UTF-8
 * bytes, integers as {@code long}, decimals as {@code double}, booleans, and a null flag for an
 * empty cell of a nullable column.
 *
 * <p>Deliberately mutable and reusable: {@link RowValidator} writes each valid row into the next
 * free slot, and a full batch is handed on whole (to the enclave's table load) and then {@link
 * #clear() cleared} for reuse, so bulk ingest allocates nothing per cell beyond the text it keeps.
 * The byte arrays handed out are shared; callers must not modify them. Not thread-safe: hand a
 * batch from one thread to another only through a synchronising queue.
 */
public final class TypedRows {
  private final ColumnType[] types;
  private final int capacity;
  private final boolean[][] nulls;
  private final long[][] longs;
  private final double[][] doubles;
  private final byte[][][] texts;
  private int size;

  /** Creates an empty batch of {@code capacity} rows for {@code schema}. */
  public TypedRows(DatasetSchema schema, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a batch holds at least one row");
    }
    List<ColumnSpec> columns = schema.columns();
    this.capacity = capacity;
    types = new ColumnType[columns.size()];
    nulls = new boolean[types.length][capacity];
    longs = new long[types.length][];
    doubles = new double[types.length][];
    texts = new byte[types.length][][];
    for (int c = 0; c < types.length; c++) {
      types[c] = columns.get(c).type();
      switch (types[c]) {
        case INTEGER, BOOLEAN -> longs[c] = new long[capacity];
        case DECIMAL -> doubles[c] = new double[capacity];
        case USCC, STRING, ENUM -> texts[c] = new byte[capacity][];
      }
    }
  }

  /** Returns the number of rows held. */
  public int size() {
    return size;
  }

  /** Returns whether no further row fits. */
  public boolean isFull() {
    return size == capacity;
  }

  /** Empties the batch for reuse. */
  public void clear() {
    size = 0;
  }

  /** Returns the number of columns. */
  public int columnCount() {
    return types.length;
  }

  /** Returns the type of column {@code c}. */
  public ColumnType type(int c) {
    return types[c];
  }

  /** Returns whether the cell of row {@code r}, column {@code c} is null. */
  public boolean isNull(int r, int c) {
    return nulls[c][r];
  }

  /** Returns an {@link ColumnType#INTEGER} value. */
  public long longValue(int r, int c) {
    return longs[c][r];
  }

  /** Returns a {@link ColumnType#DECIMAL} value. */
  public double doubleValue(int r, int c) {
    return doubles[c][r];
  }

  /** Returns a {@link ColumnType#BOOLEAN} value. */
  public boolean booleanValue(int r, int c) {
    return longs[c][r] != 0;
  }

  /** Returns a text value (uscc, string or enum) as UTF-8; shared, do not modify. */
  public byte[] text(int r, int c) {
    return texts[c][r];
  }

  /**
   * Returns a text column's values, row {@code r} at index {@code r} (entries from {@link #size()}
   * on are stale); shared, for bulk copying, do not modify.
   */
  public byte[][] textColumn(int c) {
    return texts[c];
  }

  /**
   * Returns a cell as an object: {@link String}, {@link Long}, {@link Double}, {@link Boolean} or
   * null. Allocates; for tests and tools, not for bulk paths.
   */
  public Object value(int r, int c) {
    if (nulls[c][r]) {
      return null;
    }
    return switch (types[c]) {
      case USCC, STRING, ENUM -> new String(texts[c][r], StandardCharsets.UTF_8);
      case INTEGER -> longs[c][r];
      case DECIMAL -> doubles[c][r];
      case BOOLEAN -> longs[c][r] != 0;
    };
  }

  // The validator writes the row in slot `size`, then keeps it with endRow() if it is valid.

  boolean hasRoom() {
    return size < capacity;
  }

  void setNull(int c) {
    nulls[c][size] = true;
    if (texts[c] != null) {
      texts[c][size] = null;
    }
  }

  void setLong(int c, long value) {
    nulls[c][size] = false;
    longs[c][size] = value;
  }

  void setDouble(int c, double value) {
    nulls[c][size] = false;
    doubles[c][size] = value;
  }

  void setBoolean(int c, boolean value) {
    setLong(c, value ? 1 : 0);
  }

  void setText(int c, byte[] utf8) {
    nulls[c][size] = false;
    texts[c][size] = utf8;
  }

  byte[] pendingText(int c) {
    return texts[c][size];
  }

  void endRow() {
    size++;
  }
}
