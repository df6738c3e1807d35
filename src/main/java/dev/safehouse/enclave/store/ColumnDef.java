package dev.safehouse.enclave.store;

import dev.safehouse.policy.ColumnSpec;
import dev.safehouse.policy.ColumnType;
import java.util.regex.Pattern;

/**
 * One column of an enclave table.
 *
 * @param name a lower-case SQL identifier ({@code [a-z][a-z0-9_]{0,62}})
 * @param type its storage type
 */
public record ColumnDef(String name, SqlType type) {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  /** Storage types; values appended must be of the matching Java type or null. */
  public enum SqlType {
    /** {@link String}. */
    VARCHAR,
    /** {@link Long}. */
    BIGINT,
    /** {@link Double}. */
    DOUBLE,
    /** {@link Boolean}. */
    BOOLEAN;

    /** Returns how cells of a dataset column of type {@code type} are stored (and typed in SQL). */
    public static SqlType of(ColumnType type) {
      return switch (type) {
        case USCC, STRING, ENUM -> VARCHAR;
        case INTEGER -> BIGINT;
        case DECIMAL -> DOUBLE;
        case BOOLEAN -> BOOLEAN;
      };
    }
  }

  /** Returns the column a dataset column is stored as. */
  public static ColumnDef of(ColumnSpec spec) {
    return new ColumnDef(spec.name(), SqlType.of(spec.type()));
  }

  /**
   * Validates the name, which is later spliced into SQL.
   *
   * @throws IllegalArgumentException if the name is not a plain lower-case identifier
   */
  public ColumnDef {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("column names are lower-case SQL identifiers");
    }
    if (type == null) {
      throw new IllegalArgumentException("a column needs a type");
    }
  }

  /** Returns {@code true} if {@code text} is usable as a table or column name. */
  static boolean isIdentifier(String text) {
    return text != null && IDENTIFIER.matcher(text).matches();
  }
}
