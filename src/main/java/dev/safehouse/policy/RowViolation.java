package dev.safehouse.policy;

/**
 * Why one cell of a dataset was refused.
 *
 * @param row the 1-based data row (the header is row 0)
 * @param column the column's name, or {@code *} for the row as a whole
 * @param reason what is wrong, never the cell's value
 */
public record RowViolation(long row, String column, String reason) {
  @Override
  public String toString() {
    return "row " + row + ", column " + column + ": " + reason;
  }
}
