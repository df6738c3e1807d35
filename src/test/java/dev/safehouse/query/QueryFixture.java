package dev.safehouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.common.DatasetId;
import java.util.List;
import java.util.Set;

/**
 * A Calcite-style fixture: {@code query("SELECT ^uscc^ ...").deniedBy("identifier-column")}. The
 * carets mark the span a violation must report (they are removed before checking); line, column and
 * length are computed from them.
 */
final class QueryFixture {
  private final String sql;
  private final int start;
  private final int end;
  private Set<DatasetId> datasets = TestCatalog.ALL_DATASETS;
  private boolean dp;

  private QueryFixture(String marked) {
    int first = marked.indexOf('^');
    int second = first < 0 ? -1 : marked.indexOf('^', first + 1);
    if (first >= 0 && second < 0) {
      throw new IllegalArgumentException("carets come in pairs");
    }
    this.sql = first < 0 ? marked : marked.replace("^", "");
    this.start = first;
    this.end = second - 1;
  }

  static QueryFixture query(String marked) {
    return new QueryFixture(marked);
  }

  QueryFixture inProject(String... ids) {
    datasets =
        Set.of(ids).stream().map(DatasetId::parse).collect(java.util.stream.Collectors.toSet());
    return this;
  }

  QueryFixture underDp() {
    dp = true;
    return this;
  }

  String sql() {
    return sql;
  }

  CheckResult check() {
    return TestCatalog.checker().check(sql, datasets, TestCatalog.rules(dp));
  }

  /** Asserts a violation of {@code rule} at the marked span; returns all violations. */
  List<Violation> deniedBy(String rule) {
    CheckResult result = check();
    assertThat(result).as("result of %s", sql).isInstanceOf(CheckResult.Denied.class);
    List<Violation> violations = ((CheckResult.Denied) result).violations();
    assertThat(start).as("fixture needs carets").isGreaterThanOrEqualTo(0);
    int line = 1 + (int) sql.substring(0, start).chars().filter(c -> c == '\n').count();
    int column = start - (sql.lastIndexOf('\n', start - 1) + 1) + 1;
    assertThat(violations)
        .as("violations of %s", sql)
        .anySatisfy(
            v -> {
              assertThat(v.rule()).isEqualTo(rule);
              assertThat(v.line()).as("line").isEqualTo(line);
              assertThat(v.column()).as("column").isEqualTo(column);
              assertThat(v.length()).as("length").isEqualTo(end - start);
            });
    return violations;
  }

  /** Asserts the query is denied by exactly one violation, of {@code rule} at the marked span. */
  void deniedOnlyBy(String rule) {
    assertThat(deniedBy(rule)).as("violations of %s", sql).hasSize(1);
  }

  /** Asserts acceptance and returns the plan. */
  QueryPlan accepted() {
    CheckResult result = check();
    assertThat(result).as("result of %s", sql).isInstanceOf(CheckResult.Accepted.class);
    return ((CheckResult.Accepted) result).plan();
  }

  /** Asserts acceptance with a plan described as {@code describe}. */
  QueryPlan describes(String describe) {
    QueryPlan plan = accepted();
    assertThat(plan.describe()).isEqualTo(describe);
    return plan;
  }
}
