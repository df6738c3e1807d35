package dev.safehouse.query;

import static dev.safehouse.query.QueryFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Denied queries, one or more per rule id; carets mark the reported span. */
class QueryCheckerDeniedTest {

  @Test
  void syntax() {
    query("SELECT count(*) FROM fused ^WHERE^").deniedOnlyBy("syntax");
    query("SELECT count(*)\nFROM fused\n^WHERE^ )").deniedOnlyBy("syntax");
    query("SELECT count(*) FROM fused WHERE industry = ^'^A").deniedOnlyBy("syntax");
  }

  @Test
  void tooLong() {
    String sql = "SELECT count(*) FROM fused WHERE " + "industry = 'A' OR ".repeat(2000) + "TRUE";
    query("^" + sql.charAt(0) + "^" + sql.substring(1)).deniedOnlyBy("too-long");
  }

  @Test
  void tooComplex() {
    String open = "(".repeat(16);
    query("SELECT count(*) FROM fused WHERE " + open + "^(^industry = 'A'" + ")".repeat(17))
        .deniedOnlyBy("too-complex");
  }

  @Test
  void comment() {
    query("SELECT count(*) FROM fused ^-- note^\nWHERE industry = 'A'").deniedOnlyBy("comment");
    query("SELECT ^/*+ hint */^ count(*) FROM fused").deniedOnlyBy("comment");
  }

  @Test
  void notASelect() {
    query("^DELETE^ FROM fused").deniedOnlyBy("not-a-select");
    query("^INSERT^ INTO fused (industry) VALUES ('A')").deniedBy("not-a-select");
    query("^DROP^ TABLE fused").deniedOnlyBy("not-a-select");
  }

  @Test
  void multipleStatements() {
    query("SELECT count(*) FROM fused;\n^SELECT^ count(*) FROM fused")
        .deniedOnlyBy("multiple-statements");
  }

  @Test
  void unknownSource() {
    query("SELECT count(*) FROM ^enterprises^").deniedOnlyBy("unknown-source");
    query("SELECT count(*) FROM ^main.fused^").deniedOnlyBy("unknown-source");
  }

  @Test
  void datasetNotInProject() {
    query("SELECT count(*) FROM fused WHERE ^complaints^ > 3")
        .inProject("public-credit", "financial-credit")
        .deniedOnlyBy("dataset-not-in-project");
    query("SELECT count(*) FROM ^market_credit^")
        .inProject("public-credit")
        .deniedOnlyBy("dataset-not-in-project");
  }

  @Test
  void join() {
    query("SELECT count(*) FROM public_credit p ^JOIN market_credit m ON p.uscc = m.uscc^")
        .deniedBy("join");
    query("SELECT count(*) FROM public_credit^, market_credit^").deniedOnlyBy("join");
  }

  @Test
  void subquery() {
    query("SELECT count(*) FROM (^SELECT^ * FROM fused) f").deniedBy("subquery");
    query("^WITH^ f AS (SELECT industry FROM fused) SELECT count(*) FROM fused")
        .deniedBy("subquery");
    query("SELECT count(*) FROM fused ^UNION^ SELECT count(*) FROM fused").deniedOnlyBy("subquery");
    query("SELECT count(*) FROM fused WHERE industry IN (^SELECT^ industry FROM fused)")
        .deniedOnlyBy("subquery");
  }

  @Test
  void selectStar() {
    query("SELECT ^*^ FROM fused").deniedBy("select-star");
    query("SELECT count(*), ^f.*^ FROM fused f").deniedBy("select-star");
  }

  @Test
  void identifierColumn() {
    query("SELECT ^uscc^, count(*) FROM fused GROUP BY uscc").deniedBy("identifier-column");
    query("SELECT count(*) FROM fused WHERE ^uscc^ = '91110000100000000X'")
        .deniedOnlyBy("identifier-column");
    query("SELECT count(DISTINCT ^\"USCC\"^) FROM fused").deniedOnlyBy("identifier-column");
  }

  @Test
  void sensitiveColumn() {
    query("SELECT ^dishonest_debtor^, count(*) FROM fused GROUP BY dishonest_debtor")
        .deniedBy("sensitive-column");
    query("SELECT count(*) FROM fused WHERE ^bad_debt^ = true").deniedOnlyBy("sensitive-column");
    query("SELECT count(*) FROM fused ORDER BY ^dishonest_debtor^")
        .deniedOnlyBy("sensitive-column");
  }

  @Test
  void rowLevelOutput() {
    query("SELECT ^registered_capital^, count(*) FROM fused").deniedOnlyBy("row-level-output");
    query("SELECT ^industry^, count(*) FROM fused").deniedOnlyBy("row-level-output");
    query("SELECT ^region_code, industry^ FROM fused GROUP BY region_code, industry")
        .deniedOnlyBy("row-level-output");
  }

  @Test
  void notADimension() {
    query("SELECT count(*) FROM fused GROUP BY ^registered_capital^")
        .deniedOnlyBy("not-a-dimension");
    query("SELECT count(*) FROM fused GROUP BY ^1^").deniedOnlyBy("not-a-dimension");
  }

  @Test
  void aggregateNotAllowed() {
    query("SELECT ^SUM(year_established)^ FROM fused").deniedOnlyBy("aggregate-not-allowed");
    query("SELECT ^MAX(registered_capital)^ FROM fused").deniedOnlyBy("aggregate-not-allowed");
    query("SELECT ^MIN(complaints)^ FROM fused").underDp().deniedOnlyBy("aggregate-not-allowed");
    query("SELECT ^COUNT(industry)^ FROM fused").deniedOnlyBy("aggregate-not-allowed");
    query("SELECT ^COUNT(DISTINCT complaints)^ FROM fused").deniedOnlyBy("aggregate-not-allowed");
  }

  @Test
  void functionNotAllowed() {
    query("SELECT ^upper(industry)^ FROM fused").deniedBy("function-not-allowed");
    query("SELECT SUM(^registered_capital * 2^) FROM fused").deniedOnlyBy("function-not-allowed");
    query("SELECT count(*), ^CASE WHEN complaints > 1 THEN 1 END^ FROM fused")
        .deniedOnlyBy("function-not-allowed");
    query("SELECT ^count(*) OVER ()^ FROM fused").deniedOnlyBy("function-not-allowed");
    query("SELECT count(*) FROM fused WHERE ^abs(complaints)^ > 1")
        .deniedOnlyBy("function-not-allowed");
    query("SELECT count(*) FROM fused WHERE complaints > ^1 + 1^")
        .deniedOnlyBy("function-not-allowed");
  }

  @Test
  void having() {
    query("SELECT industry, count(*) FROM fused GROUP BY industry ^HAVING^ count(*) > 10")
        .deniedOnlyBy("having");
  }

  @Test
  void distinct() {
    query("SELECT ^DISTINCT^ industry, count(*) FROM fused GROUP BY industry")
        .deniedOnlyBy("distinct");
  }

  @Test
  void unknownColumn() {
    query("SELECT count(*) FROM fused WHERE ^salary^ > 3").deniedOnlyBy("unknown-column");
    query("SELECT count(*) FROM fused f WHERE ^g.industry^ = 'A'").deniedOnlyBy("unknown-column");
    query("SELECT count(*) FROM public_credit WHERE ^complaints^ > 3")
        .deniedOnlyBy("unknown-column");
  }

  @Test
  void badFilter() {
    query("SELECT count(*) FROM fused WHERE ^region_code LIKE '11%'^").deniedOnlyBy("bad-filter");
    query("SELECT count(*) FROM fused WHERE ^complaints = contract_disputes^")
        .deniedOnlyBy("bad-filter");
    query("SELECT count(*) FROM fused WHERE ^abnormal_operations^").deniedOnlyBy("bad-filter");
    query("SELECT count(*) FROM fused WHERE ^1 = 1^").deniedOnlyBy("bad-filter");
  }

  @Test
  void badLiteral() {
    query("SELECT count(*) FROM fused WHERE industry = ^'Z'^").deniedOnlyBy("bad-literal");
    query("SELECT count(*) FROM fused WHERE complaints > ^'3'^").deniedOnlyBy("bad-literal");
    query("SELECT count(*) FROM fused WHERE year_established = ^1999.5^")
        .deniedOnlyBy("bad-literal");
    query("SELECT count(*) FROM fused WHERE abnormal_operations = ^1^").deniedOnlyBy("bad-literal");
    query("SELECT count(*) FROM fused WHERE industry = ^NULL^").deniedOnlyBy("bad-literal");
  }

  @Test
  void badParameter() {
    query("SELECT count(*) FROM fused WHERE industry = :p AND complaints > ^:p^")
        .deniedOnlyBy("bad-parameter");
    query("SELECT count(*) FROM fused WHERE complaints > ^?^").deniedOnlyBy("bad-parameter");
  }

  @Test
  void limit() {
    query("SELECT count(*) FROM fused LIMIT ^10001^").deniedOnlyBy("limit");
    query("SELECT count(*) FROM fused LIMIT ^0^").deniedOnlyBy("limit");
    query("SELECT count(*) FROM fused LIMIT 10 ^OFFSET^ 5").deniedOnlyBy("limit");
    query("SELECT count(*) FROM fused ^FETCH^ FIRST 5 ROWS ONLY").deniedOnlyBy("limit");
  }

  @Test
  void orderBy() {
    query("SELECT industry, count(*) FROM fused GROUP BY industry ORDER BY ^region_code^")
        .deniedOnlyBy("order-by");
    query("SELECT count(*) FROM fused ORDER BY ^3^").deniedOnlyBy("order-by");
    query("SELECT count(*) FROM fused ORDER BY ^SUM(complaints)^").deniedOnlyBy("order-by");
  }

  @Test
  void alias() {
    query("SELECT count(*) AS n, SUM(complaints) AS ^n^ FROM fused").deniedOnlyBy("alias");
  }

  @Test
  void clause() {
    query("SELECT count(*) ^INTO^ copy FROM fused").deniedOnlyBy("clause");
    query("SELECT count(*) FROM fused ^FOR^ UPDATE").deniedOnlyBy("clause");
    query("SELECT ^TOP^ 5 count(*) FROM fused").deniedOnlyBy("clause");
  }

  @Test
  void multiLine_positionsOnLaterLines() {
    query(
            "SELECT industry,\n       count(*)\n  FROM fused\n WHERE ^uscc^ = 'x'\n GROUP BY industry")
        .deniedOnlyBy("identifier-column");
    query("SELECT industry,\n  SUM(^loan_count * 2^)\nFROM fused GROUP BY industry")
        .deniedBy("function-not-allowed");
  }

  @Test
  void severalViolations_allReported() {
    List<Violation> violations =
        query(
                "SELECT ^uscc^, registered_capital, MAX(outstanding_balance), upper(industry)\n"
                    + "FROM fused JOIN market_credit m ON true\n"
                    + "WHERE bad_debt = true AND region_code LIKE '1%' -- why\n"
                    + "HAVING count(*) > 1 LIMIT 0")
            .deniedBy("identifier-column");
    assertThat(violations.stream().map(Violation::rule))
        .contains(
            "identifier-column",
            "row-level-output",
            "aggregate-not-allowed",
            "function-not-allowed",
            "join",
            "sensitive-column",
            "bad-filter",
            "comment",
            "having",
            "limit");
    assertThat(violations)
        .isSortedAccordingTo(
            (a, b) ->
                a.line() != b.line()
                    ? Integer.compare(a.line(), b.line())
                    : Integer.compare(a.column(), b.column()));
  }

  @Test
  void messages_neverEchoLongUserText() {
    String longName = "x".repeat(500);
    List<Violation> violations =
        query("SELECT count(*) FROM fused WHERE ^" + longName + "^ = 1").deniedBy("unknown-column");
    assertThat(violations).allSatisfy(v -> assertThat(v.message()).hasSizeLessThan(160));
  }

  @Test
  void everyRuleHasAFixture() {
    assertThat(Arrays.stream(QueryRule.values()).map(QueryRule::id))
        .doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(id).matches("[a-z]+(-[a-z]+)*"));
  }
}
