package dev.safehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken twins of the shipped policies: each case writes one broken file over a copy of {@code
 * policies/} and expects the load to fail naming the file, line, column and field.
 */
class QueryPoliciesInvalidTest {
  private static final String DISCLOSURE = "disclosure/public-credit.yaml";
  private static final String TEMPLATES = "projects/templates.yaml";

  /** A valid disclosure file, one field per line so that cases can name positions. */
  private static final String PUBLIC =
      """
      dataset: public-credit
      columns:
        registered_capital:
          aggregates: [sum, avg]
          money: true
          clamp: [0, 1000000]
        dishonest_debtor:
          use: filter-only
      templates:
        dp-open:
          k: 20
      """;

  /** A valid template file. */
  private static final String TEMPLATE =
      """
      templates:
        dp-open:
          title: DP
          description: Self-service with noise.
          dp:
            required: true
            mechanism: laplace
            epsilonPerQuery: 0.5
            budget: 5
            refresh: P30D
          approval: trusted
      """;

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        broken(
            "wrong type",
            DISCLOSURE,
            PUBLIC.replace("money: true", "money: \"yes\""),
            ":5:5: columns.registered_capital.money: must be a boolean, not a string"),
        broken(
            "unknown field",
            DISCLOSURE,
            PUBLIC.replace("money: true", "colour: red"),
            ":5:5: columns.registered_capital.colour: unknown field"),
        broken(
            "k below 2",
            DISCLOSURE,
            PUBLIC.replace("k: 20", "k: 1"),
            ":11:5: templates.dp-open.k: must be at least 2"),
        broken(
            "unknown aggregate",
            DISCLOSURE,
            PUBLIC.replace("[sum, avg]", "[sum, median]"),
            ":4:23: columns.registered_capital.aggregates[1]: must be one of sum, avg, min, max"),
        broken(
            "unknown column",
            DISCLOSURE,
            PUBLIC.replace("dishonest_debtor:", "turnover:"),
            ":7:3: columns.turnover: no column turnover in dataset public-credit"),
        broken(
            "aggregates on a dimension",
            DISCLOSURE,
            PUBLIC.replace(
                "dishonest_debtor:\n    use: filter-only", "industry:\n    aggregates: [sum]"),
            ":8:5: columns.industry.aggregates: only metrics have aggregates; industry is a dimension"),
        broken(
            "use on a metric",
            DISCLOSURE,
            PUBLIC.replace("money: true", "use: never"),
            ":5:5: columns.registered_capital.use: only sensitive columns have use;"
                + " registered_capital is a metric"),
        broken(
            "clamp outside the schema's bounds",
            DISCLOSURE,
            PUBLIC.replace("[0, 1000000]", "[0, 20000000]"),
            ":6:5: columns.registered_capital.clamp: must lie within the dataset schema's bounds"
                + " [0, 10000000]"),
        broken(
            "clamp reversed",
            DISCLOSURE,
            PUBLIC.replace("[0, 1000000]", "[100, 10]"),
            ":6:5: columns.registered_capital.clamp: the lower bound must not exceed the upper"),
        broken(
            "unknown template",
            DISCLOSURE,
            PUBLIC.replace("dp-open:", "standard:"),
            ":10:3: templates.standard: no template standard in projects/templates.yaml"),
        broken(
            "dominance shares inverted",
            DISCLOSURE,
            PUBLIC.replace("k: 20", "dominance: {top1: 0.9}"),
            ":11:5: templates.dp-open.dominance: top1 (0.9) must not exceed top2 (0.85)"),
        broken(
            "unknown dataset",
            DISCLOSURE,
            PUBLIC.replace("dataset: public-credit", "dataset: other-credit"),
            ":1:1: dataset: no dataset other-credit in datasets/"),
        broken(
            "duplicate key",
            DISCLOSURE,
            PUBLIC.replace("money: true", "money: true\n    money: false"),
            ":6:5: columns.registered_capital.money: duplicate key"),
        broken(
            "alias",
            DISCLOSURE,
            PUBLIC.replace("[sum, avg]", "&a [sum, avg]").replace("k: 20", "k: *a"),
            ":11:8: templates.dp-open.k: YAML aliases are not allowed"),
        broken(
            "YAML syntax",
            DISCLOSURE,
            PUBLIC.replace("money: true", "money: true\n   clamp: [0, 1]"),
            ":6:4: YAML syntax: expected <block end>, but found '<block mapping start>'"
                + " (while parsing a block mapping started at 3:3)"),
        broken(
            "unclosed flow sequence",
            DISCLOSURE,
            PUBLIC.replace("[sum, avg]", "[sum, avg"),
            ":5:10: YAML syntax: expected ',' or ']', but got : (while parsing a flow sequence"
                + " started at 4:17)"),
        broken("empty file", DISCLOSURE, "", ":1:1: the file is empty"),
        broken(
            "bad duration",
            TEMPLATES,
            TEMPLATE.replace("P30D", "30 days"),
            ":10:7: templates.dp-open.dp.refresh: must be an ISO-8601 duration in days and"
                + " time, such as P30D or PT12H"),
        broken(
            "zero duration",
            TEMPLATES,
            TEMPLATE.replace("P30D", "PT0S"),
            ":10:7: templates.dp-open.dp.refresh: must be a positive ISO-8601 duration"),
        broken(
            "DP required without its epsilon",
            TEMPLATES,
            TEMPLATE.replace("      epsilonPerQuery: 0.5\n", ""),
            ":5:5: templates.dp-open.dp.epsilonPerQuery: is required"),
        broken(
            "epsilon above the budget",
            TEMPLATES,
            TEMPLATE.replace("epsilonPerQuery: 0.5", "epsilonPerQuery: 6"),
            ":5:5: templates.dp-open.dp: epsilonPerQuery (6) must not exceed the budget (5)"),
        broken(
            "missing title",
            TEMPLATES,
            TEMPLATE.replace("    title: DP\n", ""),
            ":2:3: templates.dp-open.title: is required"),
        broken(
            "template name not a slug",
            TEMPLATES,
            TEMPLATE.replace("dp-open:", "DP_Open:"),
            ":2:3: templates.DP_Open: is not a valid name"),
        broken(
            "unknown approval",
            TEMPLATES,
            TEMPLATE.replace("approval: trusted", "approval: auto"),
            ":11:5: templates.dp-open.approval: must be one of per-query, trusted"));
  }

  private static Arguments broken(String name, String file, String yaml, String expected) {
    return Arguments.of(name, file, yaml, file + expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void load_brokenFile_failsNamingFileLineColumnAndField(
      String name, String file, String yaml, String expected, @TempDir Path dir)
      throws IOException {
    PolicyFixtures.copyShipped(dir);
    Files.writeString(dir.resolve(file), yaml);

    assertThatThrownBy(() -> load(dir))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void load_validFixtures_load(@TempDir Path dir) throws IOException {
    PolicyFixtures.copyShipped(dir);
    Files.writeString(dir.resolve(DISCLOSURE), PUBLIC);

    assertThat(load(dir).templates()).hasSize(3);
  }

  @Test
  void load_twoFilesForOneDataset_failsNamingTheSecond(@TempDir Path dir) throws IOException {
    PolicyFixtures.copyShipped(dir);
    Files.writeString(dir.resolve("disclosure/z-public.yaml"), PUBLIC);

    assertThatThrownBy(() -> load(dir))
        .isInstanceOf(PolicyException.class)
        .hasMessage(
            "disclosure/z-public.yaml:1:1: dataset: public-credit already has its rules in"
                + " disclosure/public-credit.yaml");
  }

  @Test
  void load_severalProblems_reportsAllInPositionOrder(@TempDir Path dir) throws IOException {
    PolicyFixtures.copyShipped(dir);
    Files.writeString(
        dir.resolve(DISCLOSURE),
        PUBLIC.replace("k: 20", "k: 1").replace("money: true", "money: 1"));

    assertThatThrownBy(() -> load(dir))
        .hasMessage(
            DISCLOSURE
                + ":5:5: columns.registered_capital.money: must be a boolean, not an integer\n"
                + DISCLOSURE
                + ":11:5: templates.dp-open.k: must be at least 2");
  }

  @Test
  void load_missingTemplates_fails(@TempDir Path dir) throws IOException {
    PolicyFixtures.copyShipped(dir);
    Files.delete(dir.resolve(TEMPLATES));

    assertThatThrownBy(() -> load(dir)).hasMessage("projects/templates.yaml: missing");
  }

  private static QueryPolicies load(Path dir) {
    return QueryPolicies.load(dir, DatasetSchemas.load(dir));
  }
}
