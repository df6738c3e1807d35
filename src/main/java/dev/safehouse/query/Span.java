package dev.safehouse.query;

/**
 * A range of characters of the query text.
 *
 * @param start offset of the first character
 * @param end offset just past the last character ({@code end >= start})
 */
record Span(int start, int end) {
  Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span");
    }
  }

  /** Returns the smallest span covering both. */
  Span union(Span other) {
    return other == null ? this : new Span(Math.min(start, other.start), Math.max(end, other.end));
  }
}
