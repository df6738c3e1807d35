package dev.safehouse.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the violations of one check, each (rule, position) once, sorted by position. */
final class Violations {
  private final QueryText text;
  private final List<Violation> found = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();

  Violations(QueryText text) {
    this.text = text;
  }

  /** Records a violation of {@code rule} at {@code span}. */
  void add(QueryRule rule, Span span, Object... arguments) {
    if (seen.add(rule.id() + "@" + span.start())) {
      found.add(text.violation(rule, span, arguments));
    }
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** Returns the violations so far, by line, column, then rule id. */
  List<Violation> sorted() {
    List<Violation> list = new ArrayList<>(found);
    list.sort(
        Comparator.comparingInt(Violation::line)
            .thenComparingInt(Violation::column)
            .thenComparing(Violation::rule));
    return List.copyOf(list);
  }
}
