package dev.safehouse.query;

import dev.safehouse.common.Sha256;
import dev.safehouse.policy.ColumnType;
import dev.safehouse.policy.QueryColumn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A checked query as a typed plan: what to read, group, aggregate, filter, order and limit. Plans
 * are built only by {@link QueryChecker}, from which {@link SqlGenerator} writes the SQL that runs;
 * the researcher's text itself never runs. Parameter values are not part of a plan.
 *
 * @param source the catalog source read ({@code fused} or a dataset table)
 * @param groupBy the dimensions grouped by, in GROUP BY order (possibly none)
 * @param outputs the output items in SELECT order (at least one aggregate)
 * @param where the filter, if any
 * @param orderBy the ordering, applied by the enclave to released values
 * @param limit the maximum number of released rows (1..10000), if any
 * @param parameters the named parameters, in order of first use, each with its column type
 */
public record QueryPlan(
    String source,
    List<QueryColumn> groupBy,
    List<OutputItem> outputs,
    Optional<Predicate> where,
    List<OrderKey> orderBy,
    OptionalInt limit,
    List<Parameter> parameters) {

  /** Validates and copies. */
  public QueryPlan {
    Objects.requireNonNull(source, "source");
    groupBy = List.copyOf(groupBy);
    outputs = List.copyOf(outputs);
    Objects.requireNonNull(where, "where");
    orderBy = List.copyOf(orderBy);
    Objects.requireNonNull(limit, "limit");
    parameters = List.copyOf(parameters);
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("a plan outputs at least one item");
    }
    for (OrderKey key : orderBy) {
      if (key.outputIndex() >= outputs.size()) {
        throw new IllegalArgumentException("ORDER BY refers to an output item");
      }
    }
  }

  /**
   * One ORDER BY key.
   *
   * @param outputIndex 0-based index into {@link #outputs()}
   * @param descending whether DESC
   */
  public record OrderKey(int outputIndex, boolean descending) {
    /** Validates. */
    public OrderKey {
      if (outputIndex < 0) {
        throw new IllegalArgumentException("output index is non-negative");
      }
    }
  }

  /**
   * A named parameter the query declares by using it.
   *
   * @param name its name, without the colon
   * @param type the type of every column it is compared with
   * @param allowedValues for an enum, the values allowed by every enum column it is compared with
   *     (empty if the domains are unknown)
   */
  public record Parameter(String name, ColumnType type, Optional<List<String>> allowedValues) {
    /** Validates and copies. */
    public Parameter {
      new Operand.Parameter(name);
      Objects.requireNonNull(type, "type");
      allowedValues = allowedValues.map(List::copyOf);
    }
  }

  /**
   * Returns the plan's canonical text: one line per part, identifiers lower-case, independent of
   * the query's whitespace, keyword case, quoting and source alias. Equal plans describe equally.
   */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("source ").append(source).append('\n');
    out.append("group ")
        .append(groupBy.stream().map(QueryColumn::name).collect(Collectors.joining(", ")))
        .append('\n');
    out.append("output ")
        .append(outputs.stream().map(OutputItem::describe).collect(Collectors.joining(", ")))
        .append('\n');
    out.append("where ").append(where.map(Predicate::describe).orElse("TRUE")).append('\n');
    out.append("order ")
        .append(
            orderBy.stream()
                .map(k -> (k.outputIndex() + 1) + (k.descending() ? " DESC" : " ASC"))
                .collect(Collectors.joining(", ")))
        .append('\n');
    out.append("limit ").append(limit.isPresent() ? limit.getAsInt() : "none").append('\n');
    out.append("parameters ")
        .append(
            parameters.stream()
                .map(p -> ":" + p.name() + " " + p.type().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", ")))
        .append('\n');
    return out.toString();
  }

  /** Returns the lower-case hex SHA-256 of {@link #describe()} (UTF-8). */
  public String hash() {
    return Sha256.hex(describe().getBytes(StandardCharsets.UTF_8));
  }
}
