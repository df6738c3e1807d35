package dev.safehouse.policy;

import dev.safehouse.common.InvalidRequestException;
import dev.safehouse.common.Uscc;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the rows of one dataset against its schema and turns cells into typed values: {@link
 * String} (uscc, string, enum), {@link Long} (integer), {@link Double} (decimal), {@link Boolean},
 * or null for an empty cell of a nullable column. Also refuses a USCC that appeared in an earlier
 * row.
 *
 * <h2>Security guarantees</h2>
 *
 * Violations name the row and column and say what rule failed; they never contain the cell's value,
 * so a rejection report is safe to hand to the host. Not thread-safe: one validator per file.
 */
public final class RowValidator {
  private final DatasetSchema schema;
  private final int usccIndex;
  private final Set<String> seenUsccs = new HashSet<>();

  /** Creates a validator for one pass over one file. */
  public RowValidator(DatasetSchema schema) {
    this.schema = schema;
    this.usccIndex = schema.usccIndex();
  }

  /**
   * Checks the header record against the schema's column names.
   *
   * @return a violation, or null if the header matches exactly
   */
  public RowViolation checkHeader(String[] header) {
    if (!List.of(header).equals(schema.columnNames())) {
      return new RowViolation(
          0, "*", "header must be exactly " + String.join(",", schema.columnNames()));
    }
    return null;
  }

  /**
   * Validates data row {@code row} and writes its typed values into {@code out}.
   *
   * @param violations receives every violation of this row
   * @return whether the row is valid
   */
  public boolean validate(long row, String[] cells, Object[] out, List<RowViolation> violations) {
    List<ColumnSpec> columns = schema.columns();
    if (cells.length != columns.size()) {
      violations.add(
          new RowViolation(
              row, "*", "expected " + columns.size() + " fields, found " + cells.length));
      return false;
    }
    boolean valid = true;
    for (int i = 0; i < cells.length; i++) {
      String reason = convert(columns.get(i), cells[i], out, i);
      if (reason != null) {
        violations.add(new RowViolation(row, columns.get(i).name(), reason));
        valid = false;
      }
    }
    if (valid && !seenUsccs.add((String) out[usccIndex])) {
      violations.add(new RowViolation(row, "uscc", "the same code appears in an earlier row"));
      valid = false;
    }
    return valid;
  }

  /** Returns null on success, else the reason; never includes the cell. */
  private static String convert(ColumnSpec column, String cell, Object[] out, int i) {
    String text = cell.strip();
    if (text.isEmpty()) {
      out[i] = null;
      return column.nullable() ? null : "a value is required";
    }
    switch (column.type()) {
      case USCC -> {
        try {
          out[i] = Uscc.parse(text).value(); // one normalisation per cell, not two
          return null;
        } catch (InvalidRequestException e) {
          return "not a valid unified social credit code";
        }
      }
      case STRING -> {
        if (column.pattern().isPresent() && !column.pattern().get().matcher(text).matches()) {
          return "does not match the column's pattern";
        }
        out[i] = text;
        return null;
      }
      case ENUM -> {
        if (!column.values().contains(text)) {
          return "not one of the allowed values";
        }
        out[i] = text;
        return null;
      }
      case BOOLEAN -> {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("1")) {
          out[i] = Boolean.TRUE;
        } else if (lower.equals("false") || lower.equals("0")) {
          out[i] = Boolean.FALSE;
        } else {
          return "not a boolean (true/false)";
        }
        return null;
      }
      case INTEGER -> {
        long value;
        try {
          value = Long.parseLong(text);
        } catch (NumberFormatException e) {
          return "not a whole number";
        }
        String bound = checkBounds(column, value);
        out[i] = bound == null ? value : null;
        return bound;
      }
      case DECIMAL -> {
        double value;
        try {
          value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          return "not a number";
        }
        if (!Double.isFinite(value)) {
          return "not a finite number";
        }
        String bound = checkBounds(column, value);
        out[i] = bound == null ? value : null;
        return bound;
      }
    }
    return "unsupported type";
  }

  private static String checkBounds(ColumnSpec column, double value) {
    if (column.min().isPresent() && value < column.min().get()) {
      return "below the minimum " + column.min().get();
    }
    if (column.max().isPresent() && value > column.max().get()) {
      return "above the maximum " + column.max().get();
    }
    return null;
  }
}
