package dev.safehouse.policy;

import dev.safehouse.common.DatasetId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link QueryCatalog} from the dataset schemas and the providers' disclosure policies:
 * one source per dataset under its table name, with every column of its schema, and the {@code
 * fused} source with every column once — the base dataset's first (its {@code uscc} included, the
 * join key of the view), then each other dataset's columns but {@code uscc}, in dataset id order.
 * The base is {@code public-credit}, to which the others are left-joined, or the first dataset if
 * there is none.
 */
final class CatalogBuilder {
  /** The dataset the others are joined to in {@code fused}. */
  static final DatasetId BASE = DatasetId.parse("public-credit");

  private CatalogBuilder() {}

  /**
   * Builds the catalog; a column name found in two datasets (other than {@code uscc}) is recorded
   * in {@code problems}, since {@code fused} names each column once.
   *
   * @param policies the policy of every dataset in {@code schemas}
   */
  static QueryCatalog build(
      DatasetSchemas schemas, Map<DatasetId, DisclosurePolicy> policies, PolicyProblems problems) {
    List<DatasetSchema> ordered = new ArrayList<>(schemas.all());
    DatasetSchema base =
        ordered.stream().filter(s -> s.id().equals(BASE)).findFirst().orElse(ordered.get(0));
    ordered.remove(base);
    ordered.add(0, base);

    Map<String, QuerySource> sources = new HashMap<>();
    List<QueryColumn> fused = new ArrayList<>();
    Map<String, DatasetId> owners = new HashMap<>();
    for (DatasetSchema schema : ordered) {
      List<QueryColumn> columns = new ArrayList<>();
      for (ColumnSpec spec : schema.columns()) {
        QueryColumn column = column(schema.id(), spec, policies.get(schema.id()));
        columns.add(column);
        if (schema != base && spec.columnClass() == ColumnClass.IDENTIFIER) {
          continue;
        }
        DatasetId owner = owners.putIfAbsent(spec.name(), schema.id());
        if (owner != null) {
          problems.add(
              new PolicyProblem(
                  "datasets",
                  SourcePosition.NONE,
                  "",
                  "column "
                      + spec.name()
                      + " of "
                      + schema.id()
                      + " is also a column of "
                      + owner
                      + "; the fused source needs unique names"));
        } else {
          fused.add(column);
        }
      }
      sources.put(schema.tableName(), new QuerySource(schema.tableName(), columns));
    }
    sources.put(QueryCatalog.FUSED, new QuerySource(QueryCatalog.FUSED, fused));
    return new QueryCatalog(sources);
  }

  private static QueryColumn column(DatasetId dataset, ColumnSpec spec, DisclosurePolicy policy) {
    ColumnPolicy rules = policy.columns().get(spec.name());
    return new QueryColumn(
        dataset,
        spec.name(),
        spec.type(),
        spec.columnClass(),
        rules.clampMin(),
        rules.clampMax(),
        rules.aggregates(),
        rules.money(),
        rules.use());
  }
}
