package dev.safehouse.query;

import dev.safehouse.policy.Aggregate;
import dev.safehouse.policy.ColumnClass;
import dev.safehouse.policy.QueryColumn;
import java.util.Objects;
import java.util.Optional;

/** One column of a query's output, in SELECT order: a grouped dimension or an aggregate. */
public sealed interface OutputItem permits OutputItem.Dimension, OutputItem.Aggregation {

  /** Returns the output label: the alias, or a name derived from the item. */
  String label();

  /** Returns the canonical text of the item, as used by {@link QueryPlan#describe()}. */
  String describe();

  /**
   * A dimension the query groups by.
   *
   * @param column a dimension column
   * @param label the output label
   */
  record Dimension(QueryColumn column, String label) implements OutputItem {
    /** Validates. */
    public Dimension {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(label, "label");
      if (column.columnClass() != ColumnClass.DIMENSION) {
        throw new IllegalArgumentException("only dimensions are output as such");
      }
    }

    @Override
    public String describe() {
      return column.name() + " AS " + label;
    }
  }

  /**
   * An aggregate over the cell.
   *
   * @param aggregate the aggregate
   * @param column its column; empty exactly for {@link Aggregate#COUNT} ({@code COUNT(*)})
   * @param label the output label
   */
  record Aggregation(Aggregate aggregate, Optional<QueryColumn> column, String label)
      implements OutputItem {
    /** Validates. */
    public Aggregation {
      Objects.requireNonNull(aggregate, "aggregate");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(label, "label");
      if ((aggregate == Aggregate.COUNT) != column.isEmpty()) {
        throw new IllegalArgumentException("COUNT(*) alone has no column");
      }
    }

    /** Returns the derived label: {@code count}, {@code sum_x}, {@code count_distinct_x}, .... */
    public static String derivedLabel(Aggregate aggregate, Optional<QueryColumn> column) {
      String name = aggregate.name().toLowerCase(java.util.Locale.ROOT);
      return column.map(c -> name + "_" + c.name()).orElse(name);
    }

    @Override
    public String describe() {
      String function =
          switch (aggregate) {
            case COUNT -> "count(*)";
            case COUNT_DISTINCT -> "count(DISTINCT " + column.orElseThrow().name() + ")";
            default ->
                aggregate.name().toLowerCase(java.util.Locale.ROOT)
                    + "("
                    + column.orElseThrow().name()
                    + ")";
          };
      return function + " AS " + label;
    }
  }
}
