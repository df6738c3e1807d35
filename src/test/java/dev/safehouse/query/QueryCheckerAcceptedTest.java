package dev.safehouse.query;

import static dev.safehouse.query.QueryFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Accepted queries and their canonical plans. */
class QueryCheckerAcceptedTest {

  @Test
  void fullQuery_describesItsPlan() {
    query(
            "SELECT region_code, industry, count(*), SUM(registered_capital),"
                + " AVG(outstanding_balance), COUNT(DISTINCT tax_credit_grade) FROM fused"
                + " WHERE year_established BETWEEN :from AND 2020 AND dishonest_debtor = false"
                + " GROUP BY region_code, industry ORDER BY 3 DESC LIMIT 50")
        .describes(
            """
            source fused
            group region_code, industry
            output region_code AS region_code, industry AS industry, count(*) AS count, \
            sum(registered_capital) AS sum_registered_capital, \
            avg(outstanding_balance) AS avg_outstanding_balance, \
            count(DISTINCT tax_credit_grade) AS count_distinct_tax_credit_grade
            where (year_established BETWEEN :from AND 2020 AND dishonest_debtor = false)
            order 3 DESC
            limit 50
            parameters :from integer
            """);
  }

  @Test
  void describe_ignoresWhitespaceCaseQuotingAndSourceAlias() {
    QueryPlan a =
        query("SELECT industry, COUNT(*) FROM fused WHERE complaints > 3 GROUP BY industry")
            .accepted();
    QueryPlan b =
        query(
                "select F.\"INDUSTRY\",\n  count( * )\nfrom FUSED as f\nwhere 3 < f.complaints\ngroup by industry")
            .accepted();
    assertThat(b.describe()).isEqualTo(a.describe());
    assertThat(b.hash()).isEqualTo(a.hash()).hasSize(64);
  }

  @Test
  void filters_allAcceptedForms() {
    query(
            "SELECT count(*) AS n FROM public_credit p WHERE (industry IN ('A', 'B') OR NOT"
                + " abnormal_operations = true) AND customs_credit_class IS NOT NULL AND"
                + " registered_capital <> -1.50 AND year_established NOT BETWEEN 1990 AND :y"
                + " AND region_code != :r")
        .describes(
            """
            source public_credit
            group \

            output count(*) AS n
            where ((industry IN ('A', 'B') OR NOT (abnormal_operations = true)) \
            AND customs_credit_class IS NOT NULL AND registered_capital <> -1.5 \
            AND year_established NOT BETWEEN 1990 AND :y AND region_code <> :r)
            order \

            limit none
            parameters :y integer, :r string
            """);
  }

  @Test
  void minMax_allowedWhereThePolicySaysAndNoDp() {
    query("SELECT MIN(complaints), max(complaints) AS worst FROM market_credit ORDER BY worst")
        .describes(
            """
            source market_credit
            group \

            output min(complaints) AS min_complaints, max(complaints) AS worst
            where TRUE
            order 2 ASC
            limit none
            parameters \

            """);
  }

  @Test
  void orderBy_aliasDimensionAndAggregate() {
    QueryPlan plan =
        query(
                "SELECT industry AS sector, SUM(complaints) total, count(*) FROM fused GROUP BY"
                    + " industry ORDER BY sector, SUM(complaints) DESC, count(*) LIMIT 10000")
            .accepted();
    assertThat(plan.orderBy())
        .containsExactly(
            new QueryPlan.OrderKey(0, false),
            new QueryPlan.OrderKey(1, true),
            new QueryPlan.OrderKey(2, false));
  }

  @Test
  void trailingSemicolon_accepted() {
    query("SELECT count(*) FROM fused;").accepted();
  }
}
