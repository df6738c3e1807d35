package dev.safehouse.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safehouse.policy.ColumnSpec;
import dev.safehouse.policy.ColumnType;
import dev.safehouse.policy.PolicyProblems;
import dev.safehouse.policy.YamlDocument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one feature of a scorecard file and cross-checks its bins against the column: numeric
 * columns take {@code min}/{@code max} bins, boolean columns {@code equals: true|false}, enum
 * columns {@code equals} one of their values, string columns {@code equals} a string; a bin has one
 * kind or the other; bins do not overlap (nor repeat a value); every reason is catalogued.
 */
final class FeatureFile {
  private final YamlDocument doc;
  private final Map<String, ReasonCode> reasons;
  private final PolicyProblems problems;

  FeatureFile(YamlDocument doc, Map<String, ReasonCode> reasons, PolicyProblems problems) {
    this.doc = doc;
    this.reasons = reasons;
    this.problems = problems;
  }

  /**
   * Reads the feature at {@code pointer} (an entry of {@code features}) scoring {@code column}.
   *
   * @return the feature, or empty if a check failed (each failure recorded)
   */
  Optional<Feature> read(String pointer, ColumnSpec column) {
    int before = problems.count();
    List<Bin> bins = new ArrayList<>();
    JsonNode listed = doc.at(pointer + "/bins");
    for (int i = 0; i < listed.size(); i++) {
      String at = pointer + "/bins/" + i;
      Optional<Bin> bin = bin(at, column);
      if (bin.isPresent()) {
        checkDisjoint(at, bin.get(), bins);
        bins.add(bin.get());
      }
    }
    Points missing = points(pointer + "/missing");
    return problems.count() == before
        ? Optional.of(new Feature(column.name(), bins, missing))
        : Optional.empty();
  }

  private Optional<Bin> bin(String at, ColumnSpec column) {
    JsonNode node = doc.at(at);
    boolean ranged = node.has("min") || node.has("max");
    boolean numeric = column.type() == ColumnType.INTEGER || column.type() == ColumnType.DECIMAL;
    if (ranged && node.has("equals")) {
      problems.add(doc.problem(at, "has either equals or min/max, not both"));
      return Optional.empty();
    }
    if (!ranged && !node.has("equals")) {
      problems.add(doc.problem(at, "needs equals, or min and/or max"));
      return Optional.empty();
    }
    if (numeric != ranged) {
      String field = ranged ? "min/max" : "equals";
      problems.add(
          doc.problem(
              at + "/" + (node.has("equals") ? "equals" : node.has("min") ? "min" : "max"),
              numeric
                  ? column.name() + " is numeric: its bins take min and/or max, not " + field
                  : column.name() + " is not numeric: its bins take equals, not " + field));
      return Optional.empty();
    }
    Points points = points(at);
    if (ranged) {
      return range(at, node, points);
    }
    return equalsValue(at + "/equals", node.path("equals"), column)
        .map(value -> new EqualsBin(value, points));
  }

  private Optional<Bin> range(String at, JsonNode node, Points points) {
    Optional<BigDecimal> min = Optional.ofNullable(node.get("min")).map(JsonNode::decimalValue);
    Optional<BigDecimal> max = Optional.ofNullable(node.get("max")).map(JsonNode::decimalValue);
    if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
      problems.add(doc.problem(at + "/max", "must be at least min, " + min.get().toPlainString()));
      return Optional.empty();
    }
    return Optional.of(new RangeBin(min, max, points));
  }

  private Optional<Object> equalsValue(String at, JsonNode value, ColumnSpec column) {
    if (column.type() == ColumnType.BOOLEAN) {
      if (value.isBoolean()) {
        return Optional.of(value.booleanValue());
      }
      problems.add(doc.problem(at, "must be true or false: " + column.name() + " is a boolean"));
      return Optional.empty();
    }
    if (!value.isTextual()) {
      problems.add(doc.problem(at, "must be a string: " + column.name() + " is not a boolean"));
      return Optional.empty();
    }
    if (column.type() == ColumnType.ENUM && !column.values().contains(value.textValue())) {
      problems.add(
          doc.problem(
              at,
              "must be one of "
                  + column.name()
                  + "'s values, "
                  + String.join(", ", column.values())));
      return Optional.empty();
    }
    return Optional.of(value.textValue());
  }

  private void checkDisjoint(String at, Bin bin, List<Bin> earlier) {
    for (int j = 0; j < earlier.size(); j++) {
      Bin other = earlier.get(j);
      boolean clash =
          bin instanceof RangeBin r && other instanceof RangeBin o
              ? r.overlaps(o)
              : bin instanceof EqualsBin e
                  && other instanceof EqualsBin p
                  && e.value().equals(p.value());
      if (clash) {
        problems.add(doc.problem(at, "overlaps bins[" + j + "]"));
      }
    }
  }

  private Points points(String at) {
    JsonNode node = doc.at(at);
    String code = node.path("reason").asText(null);
    if (code == null) {
      return new Points(node.path("points").asInt(), Optional.empty());
    }
    ReasonCode reason = reasons.get(code);
    if (reason == null) {
      problems.add(doc.problem(at + "/reason", "no reason " + code + " in reasons"));
    }
    return new Points(node.path("points").asInt(), Optional.ofNullable(reason));
  }
}
