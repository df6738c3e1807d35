package dev.safehouse.enclave.query;

import dev.safehouse.enclave.store.EnclaveTables;
import dev.safehouse.privacy.AggregateSpec;
import dev.safehouse.privacy.RawAggregate;
import dev.safehouse.privacy.RawCell;
import dev.safehouse.query.GeneratedQuery;
import dev.safehouse.query.OutputColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs a generated query and reads its rows as the raw cells the output checks take. */
final class CellReader {
  private CellReader() {}

  /** Returns the query's aggregates in output order, as the output checks describe them. */
  static List<AggregateSpec> specs(GeneratedQuery query) {
    List<AggregateSpec> specs = new ArrayList<>();
    for (OutputColumn output : query.outputs()) {
      if (output.kind() == OutputColumn.Kind.AGGREGATE) {
        specs.add(
            new AggregateSpec(output.label(), output.aggregate().orElseThrow(), output.column()));
      }
    }
    return specs;
  }

  static List<RawCell> read(EnclaveTables tables, GeneratedQuery query) {
    List<Object[]> rows = tables.select(query.sql(), query.bindings());
    List<AggregateSpec> specs = specs(query);
    int dimensions = query.dimensionColumns().size();
    List<RawCell> cells = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      long enterprises = ((Number) row[query.cellSizeIndex()]).longValue();
      List<RawAggregate> aggregates = new ArrayList<>();
      int next = 0;
      for (OutputColumn output : query.outputs()) {
        if (output.kind() != OutputColumn.Kind.AGGREGATE) {
          continue;
        }
        AggregateSpec spec = specs.get(next++);
        Number value =
            output.valueIndex() < 0 ? Long.valueOf(enterprises) : (Number) row[output.valueIndex()];
        long nonNull =
            output.countIndex() < 0 ? enterprises : ((Number) row[output.countIndex()]).longValue();
        aggregates.add(
            new RawAggregate(
                spec,
                value,
                nonNull,
                number(row, output.top1Index()),
                number(row, output.top2Index())));
      }
      cells.add(
          new RawCell(Arrays.asList(Arrays.copyOf(row, dimensions)), enterprises, aggregates));
    }
    return cells;
  }

  private static Double number(Object[] row, int index) {
    if (index < 0 || row[index] == null) {
      return null;
    }
    return ((Number) row[index]).doubleValue();
  }
}
