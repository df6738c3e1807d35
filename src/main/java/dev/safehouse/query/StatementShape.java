package dev.safehouse.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The token-level shape of a query: where its statements start, and the keywords that open a nested
 * or combined query. Subqueries are found here, by their keywords, wherever they occur — select
 * list, FROM, WHERE or elsewhere — so none hides in a clause the checker does not walk.
 */
final class StatementShape {
  private static final Set<String> SET_OPERATIONS = Set.of("UNION", "INTERSECT", "EXCEPT", "MINUS");
  private static final Set<String> NESTING = Set.of("VALUES", "LATERAL");

  private final List<List<SqlToken>> statements;

  private StatementShape(List<List<SqlToken>> statements) {
    this.statements = statements;
  }

  /** Splits the code tokens at each {@code ;}; empty statements are dropped. */
  static StatementShape of(QueryText text) {
    List<List<SqlToken>> statements = new ArrayList<>();
    List<SqlToken> current = new ArrayList<>();
    for (SqlToken token : text.codeTokens()) {
      if (token.kind() == SqlToken.Kind.SYMBOL && token.text().equals(";")) {
        if (!current.isEmpty()) {
          statements.add(current);
        }
        current = new ArrayList<>();
      } else {
        current.add(token);
      }
    }
    if (!current.isEmpty()) {
      statements.add(current);
    }
    return new StatementShape(statements);
  }

  /** Offset of the first statement's first token. */
  int firstStart() {
    return statements.isEmpty() ? 0 : statements.get(0).get(0).start();
  }

  /** Reports further statements and, in the first, every subquery-opening keyword. */
  void report(Violations violations, int parsedStatements) {
    if (statements.size() > 1) {
      violations.add(QueryRule.MULTIPLE_STATEMENTS, statements.get(1).get(0).span());
    } else if (parsedStatements > 1) {
      violations.add(QueryRule.MULTIPLE_STATEMENTS, statements.get(0).get(0).span());
    }
    if (statements.isEmpty()) {
      return;
    }
    List<SqlToken> first = statements.get(0);
    boolean seenSelect = false;
    boolean afterSetOperation = false;
    for (int i = 0; i < first.size(); i++) {
      SqlToken token = first.get(i);
      if (token.kind() != SqlToken.Kind.WORD) {
        continue;
      }
      String word = token.upper();
      if (word.equals("SELECT")) {
        if (seenSelect && !afterSetOperation) {
          violations.add(QueryRule.SUBQUERY, token.span(), "a subquery");
        }
        seenSelect = true;
        afterSetOperation = false;
      } else if (word.equals("WITH") && i == 0) {
        violations.add(QueryRule.SUBQUERY, token.span(), "WITH");
      } else if (SET_OPERATIONS.contains(word)) {
        violations.add(QueryRule.SUBQUERY, token.span(), word);
        afterSetOperation = true;
      } else if (NESTING.contains(word)) {
        violations.add(QueryRule.SUBQUERY, token.span(), word);
      }
    }
  }
}
