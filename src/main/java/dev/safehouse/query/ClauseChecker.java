package dev.safehouse.query;

import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * Reports the clauses of a SELECT that lie outside the accepted subset: DISTINCT, HAVING, and the
 * dialect clauses JSqlParser understands (INTO, FOR UPDATE, TOP, QUALIFY, WINDOW, CONNECT BY,
 * PIVOT, samples, ...). Positions are those of each clause's keyword.
 */
final class ClauseChecker {
  private final CheckScope scope;

  ClauseChecker(CheckScope scope) {
    this.scope = scope;
  }

  void check(PlainSelect s, Span selectKeyword) {
    int from = selectKeyword.start();
    if (s.getDistinct() != null) {
      Span at =
          scope
              .text
              .keyword("DISTINCT", from)
              .or(() -> scope.text.keyword("UNIQUE", from))
              .orElse(selectKeyword);
      scope.violations.add(QueryRule.DISTINCT, at);
    }
    if (s.getHaving() != null) {
      scope.violations.add(QueryRule.HAVING, keyword("HAVING", from, selectKeyword));
    }
    clause(s.getIntoTables() != null || s.getIntoTempTable() != null, "INTO", from, selectKeyword);
    clause(
        s.getForMode() != null
            || s.getForUpdateTable() != null
            || s.getForClause() != null
            || s.getForXmlPath() != null
            || s.getWait() != null
            || s.isSkipLocked()
            || s.isNoWait(),
        "FOR",
        from,
        selectKeyword);
    clause(s.getTop() != null, "TOP", from, selectKeyword);
    clause(s.getSkip() != null, "SKIP", from, selectKeyword);
    clause(s.getFirst() != null, "FIRST", from, selectKeyword);
    clause(s.getQualify() != null, "QUALIFY", from, selectKeyword);
    clause(
        s.getWindowDefinitions() != null || s.getKsqlWindow() != null,
        "WINDOW",
        from,
        selectKeyword);
    clause(s.getOracleHierarchical() != null, "CONNECT", from, selectKeyword);
    clause(s.getLateralViews() != null, "LATERAL", from, selectKeyword);
    clause(s.getPreferringClause() != null, "PREFERRING", from, selectKeyword);
    clause(s.getOptimizeFor() != null, "OPTIMIZE", from, selectKeyword);
    clause(s.getIsolation() != null, "WITH", from, selectKeyword);
    clause(s.isEmitChanges(), "EMIT", from, selectKeyword);
    clause(
        s.getMySqlSqlCacheFlag() != null || s.getMySqlSqlCalcFoundRows(),
        "SQL_CALC_FOUND_ROWS",
        from,
        selectKeyword);
    clause(s.getBigQuerySelectQualifier() != null, "AS", from, selectKeyword);
    clause(s.getPivot() != null, "PIVOT", from, selectKeyword);
    clause(s.getUnPivot() != null, "UNPIVOT", from, selectKeyword);
    clause(s.getLimitBy() != null, "BY", from, selectKeyword);
    if (s.getFromItem() instanceof Table t) {
      clause(t.getPivot() != null, "PIVOT", from, selectKeyword);
      clause(t.getUnPivot() != null, "UNPIVOT", from, selectKeyword);
      clause(t.getSampleClause() != null, "SAMPLE", from, selectKeyword);
      clause(
          t.getIndexHint() != null || t.getSqlServerHints() != null, "WITH", from, selectKeyword);
      if (t.getAlias() != null && t.getAlias().getAliasColumns() != null) {
        scope.violations.add(
            QueryRule.CLAUSE, scope.spans.of(t, selectKeyword), "a column alias list");
      }
    }
  }

  private void clause(boolean present, String keyword, int from, Span fallback) {
    if (present) {
      scope.violations.add(QueryRule.CLAUSE, keyword(keyword, from, fallback), keyword);
    }
  }

  private Span keyword(String keyword, int from, Span fallback) {
    return scope.text.keyword(keyword, from).orElse(fallback);
  }
}
