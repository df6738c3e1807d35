package dev.safehouse.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safehouse.common.DatasetId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code disclosure/<dataset>.yaml} file valid against {@link PolicySchema#DISCLOSURE} and
 * cross-checks it against the dataset schemas and the project templates: the dataset exists; every
 * column listed exists in it; {@code aggregates}, {@code money} and {@code clamp} appear only on
 * metrics, {@code countDistinct} only on dimensions, {@code use} only on sensitive columns; a clamp
 * lies within the schema's bounds; every template overridden exists.
 */
final class DisclosureFile {
  private DisclosureFile() {}

  /**
   * Resolves the file into a policy.
   *
   * @return the policy, or empty if a cross-check failed (each failure recorded in {@code
   *     problems})
   */
  static Optional<DisclosurePolicy> read(
      YamlDocument doc,
      DatasetSchemas schemas,
      Map<String, ProjectTemplate> templates,
      PolicyProblems problems) {
    DatasetId id = DatasetId.parse(doc.root().path("dataset").asText());
    Optional<DatasetSchema> schema = schemas.find(id);
    if (schema.isEmpty()) {
      problems.add(doc.problem("/dataset", "no dataset " + id + " in datasets/"));
      return Optional.empty();
    }
    int before = problems.count();
    Map<String, ColumnPolicy> columns = columns(doc, schema.get(), problems);
    Map<String, DisclosureRules> overrides = new HashMap<>();
    for (Iterator<String> names = doc.root().path("templates").fieldNames(); names.hasNext(); ) {
      String name = names.next();
      String pointer = "/templates/" + FieldPath.escape(name);
      ProjectTemplate template = templates.get(name);
      if (template == null) {
        problems.add(
            doc.problem(pointer, "no template " + name + " in " + ProjectTemplatesFile.PATH));
        continue;
      }
      RulesOverlay.apply(doc, pointer, template.defaults(), problems)
          .ifPresent(rules -> overrides.put(name, rules));
    }
    return problems.count() == before
        ? Optional.of(new DisclosurePolicy(id, columns, overrides))
        : Optional.empty();
  }

  private static Map<String, ColumnPolicy> columns(
      YamlDocument doc, DatasetSchema schema, PolicyProblems problems) {
    Map<String, ColumnPolicy> columns = new HashMap<>();
    for (ColumnSpec column : schema.columns()) {
      columns.put(column.name(), ColumnPolicy.defaultFor(column));
    }
    JsonNode listed = doc.root().path("columns");
    for (Iterator<String> names = listed.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      String pointer = "/columns/" + FieldPath.escape(name);
      Optional<ColumnSpec> spec =
          schema.columns().stream().filter(c -> c.name().equals(name)).findFirst();
      if (spec.isEmpty()) {
        problems.add(doc.problem(pointer, "no column " + name + " in dataset " + schema.id()));
        continue;
      }
      if (fieldsFitClass(doc, pointer, spec.get(), problems)) {
        columns.put(name, column(doc, pointer, spec.get(), problems));
      }
    }
    return columns;
  }

  private static boolean fieldsFitClass(
      YamlDocument doc, String pointer, ColumnSpec spec, PolicyProblems problems) {
    boolean fits = true;
    for (Iterator<String> fields = doc.at(pointer).fieldNames(); fields.hasNext(); ) {
      String field = fields.next();
      ColumnClass needed =
          switch (field) {
            case "countDistinct" -> ColumnClass.DIMENSION;
            case "use" -> ColumnClass.SENSITIVE;
            default -> ColumnClass.METRIC;
          };
      if (spec.columnClass() != needed) {
        fits = false;
        problems.add(
            doc.problem(
                pointer + "/" + field,
                "only "
                    + plural(needed)
                    + " have "
                    + field
                    + "; "
                    + spec.name()
                    + " is "
                    + singular(spec.columnClass())));
      }
    }
    return fits;
  }

  private static ColumnPolicy column(
      YamlDocument doc, String pointer, ColumnSpec spec, PolicyProblems problems) {
    ColumnPolicy defaults = ColumnPolicy.defaultFor(spec);
    JsonNode node = doc.at(pointer);
    return switch (spec.columnClass()) {
      case METRIC -> {
        Set<Aggregate> aggregates = EnumSet.noneOf(Aggregate.class);
        node.path("aggregates")
            .forEach(a -> aggregates.add(RulesOverlay.enumOf(Aggregate.class, a)));
        double[] clamp = clamp(doc, pointer + "/clamp", spec, problems);
        yield new ColumnPolicy(
            node.has("aggregates") ? aggregates : defaults.aggregates(),
            node.path("money").asBoolean(false),
            clamp[0],
            clamp[1],
            SensitiveUse.NEVER);
      }
      case DIMENSION ->
          node.path("countDistinct").asBoolean(true)
              ? defaults
              : new ColumnPolicy(Set.of(), false, Double.NaN, Double.NaN, SensitiveUse.NEVER);
      case SENSITIVE ->
          new ColumnPolicy(
              Set.of(),
              false,
              Double.NaN,
              Double.NaN,
              node.has("use")
                  ? RulesOverlay.enumOf(SensitiveUse.class, node.get("use"))
                  : SensitiveUse.NEVER);
      case IDENTIFIER -> defaults;
    };
  }

  private static double[] clamp(
      YamlDocument doc, String pointer, ColumnSpec spec, PolicyProblems problems) {
    double min = spec.min().orElseThrow();
    double max = spec.max().orElseThrow();
    JsonNode clamp = doc.at(pointer);
    if (clamp.isMissingNode()) {
      return new double[] {min, max};
    }
    double lo = clamp.get(0).doubleValue();
    double hi = clamp.get(1).doubleValue();
    if (lo > hi) {
      problems.add(doc.problem(pointer, "the lower bound must not exceed the upper bound"));
    } else if (lo < min || hi > max) {
      problems.add(
          doc.problem(
              pointer,
              "must lie within the dataset schema's bounds ["
                  + bound(min)
                  + ", "
                  + bound(max)
                  + "]"));
    }
    return new double[] {lo, hi};
  }

  private static String bound(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static String singular(ColumnClass columnClass) {
    return switch (columnClass) {
      case IDENTIFIER -> "the identifier";
      case DIMENSION -> "a dimension";
      case METRIC -> "a metric";
      case SENSITIVE -> "a sensitive column";
    };
  }

  private static String plural(ColumnClass columnClass) {
    return switch (columnClass) {
      case IDENTIFIER -> "identifiers";
      case DIMENSION -> "dimensions";
      case METRIC -> "metrics";
      case SENSITIVE -> "sensitive columns";
    };
  }
}
