package dev.safehouse.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safehouse.policy.DisclosureRules.Approval;
import dev.safehouse.policy.DisclosureRules.Dominance;
import dev.safehouse.policy.DisclosureRules.DpRules;
import dev.safehouse.policy.DisclosureRules.Mechanism;
import dev.safehouse.policy.DisclosureRules.Rounding;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the rule fields of a schema-valid policy node ({@code k}, {@code dominance}, {@code
 * rounding}, {@code dp}, {@code approval}, each optional, as are their sub-fields) over a base:
 * every field given replaces the base's, every field omitted keeps it. Checks what the schema
 * cannot: {@code top1 <= top2}, a positive refresh period, ε per query within the budget.
 */
final class RulesOverlay {
  private RulesOverlay() {}

  /**
   * Returns {@code base} with the fields of the node at {@code pointer} applied.
   *
   * @return the rules, or empty if the result is inconsistent (recorded in {@code problems})
   */
  static Optional<DisclosureRules> apply(
      YamlDocument doc, String pointer, DisclosureRules base, PolicyProblems problems) {
    JsonNode node = doc.at(pointer);
    int before = problems.count();
    Dominance dominance = dominance(doc, pointer + "/dominance", base.dominance(), problems);
    DpRules dp = dp(doc, pointer + "/dp", base.dp(), problems);
    if (problems.count() != before) {
      return Optional.empty();
    }
    JsonNode r = node.path("rounding");
    Rounding rounding =
        new Rounding(
            r.path("count").asLong(base.rounding().countBase()),
            r.path("sum").asLong(base.rounding().sumBase()),
            r.path("meanDecimals").asInt(base.rounding().meanDecimals()));
    Approval approval =
        node.has("approval") ? enumOf(Approval.class, node.get("approval")) : base.approval();
    return Optional.of(
        new DisclosureRules(node.path("k").asInt(base.k()), dominance, rounding, dp, approval));
  }

  private static Dominance dominance(
      YamlDocument doc, String pointer, Dominance base, PolicyProblems problems) {
    JsonNode d = doc.at(pointer);
    double top1 = d.path("top1").asDouble(base.top1());
    double top2 = d.path("top2").asDouble(base.top2());
    if (top1 > top2) {
      problems.add(
          doc.problem(
              pointer,
              "top1 ("
                  + top1
                  + ") must not exceed top2 ("
                  + top2
                  + "): the two largest contributors hold at least what the largest does"));
      return base;
    }
    return new Dominance(top1, top2);
  }

  private static DpRules dp(
      YamlDocument doc, String pointer, DpRules base, PolicyProblems problems) {
    JsonNode dp = doc.at(pointer);
    Duration refresh = base.refresh();
    if (dp.has("refresh")) {
      try {
        refresh = Duration.parse(dp.get("refresh").asText());
      } catch (DateTimeParseException e) {
        refresh = Duration.ZERO;
      }
      if (refresh.isNegative() || refresh.isZero()) {
        problems.add(doc.problem(pointer + "/refresh", "must be a positive ISO-8601 duration"));
        return base;
      }
    }
    BigDecimal epsilon =
        dp.has("epsilonPerQuery")
            ? dp.get("epsilonPerQuery").decimalValue()
            : base.epsilonPerQuery();
    BigDecimal budget = dp.has("budget") ? dp.get("budget").decimalValue() : base.budget();
    if (epsilon.compareTo(budget) > 0) {
      problems.add(
          doc.problem(
              pointer,
              "epsilonPerQuery ("
                  + epsilon.toPlainString()
                  + ") must not exceed the budget ("
                  + budget.toPlainString()
                  + ")"));
      return base;
    }
    return new DpRules(
        dp.path("required").asBoolean(base.required()),
        dp.has("mechanism") ? enumOf(Mechanism.class, dp.get("mechanism")) : base.mechanism(),
        epsilon,
        budget,
        refresh,
        dp.has("delta") ? dp.get("delta").asDouble() : base.delta());
  }

  /**
   * Maps a schema-checked YAML enum value ({@code per-query}) to its constant ({@code PER_QUERY}).
   */
  static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode value) {
    return Enum.valueOf(type, value.asText().replace('-', '_').toUpperCase(Locale.ROOT));
  }
}
