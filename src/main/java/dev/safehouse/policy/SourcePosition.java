package dev.safehouse.policy;

/**
 * A position in a policy file, both numbers from 1; {@link #NONE} when a problem concerns a file or
 * the bundle as a whole.
 *
 * @param line the line, from 1 (0 for {@link #NONE})
 * @param column the column, from 1 (0 for {@link #NONE})
 */
public record SourcePosition(int line, int column) {
  /** No position. */
  public static final SourcePosition NONE = new SourcePosition(0, 0);

  /** The start of a file. */
  public static final SourcePosition START = new SourcePosition(1, 1);
}
