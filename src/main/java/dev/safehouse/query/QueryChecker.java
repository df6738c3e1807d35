package dev.safehouse.query;

import dev.safehouse.common.DatasetId;
import dev.safehouse.policy.DisclosureRules;
import dev.safehouse.policy.QueryCatalog;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * Checks a researcher's SQL against the query policy and, if it passes, turns it into a typed
 * {@link QueryPlan}. The accepted subset and every rule are listed in {@code docs/queries.md}.
 *
 * <h2>Security guarantees</h2>
 *
 * The researcher's text is only parsed, never executed: an accepted query yields a plan whose every
 * identifier is a catalog column or source, whose values are typed literals or named parameters,
 * and from which {@link SqlGenerator} writes the SQL that runs. A plan reads exactly one catalog
 * source, outputs only grouped dimensions and policy-allowed aggregates, never uses the identifier
 * column or a sensitive column other than as a policy-allowed filter, and never reads a column of a
 * dataset outside the project. Input is bounded (length, nesting, parse time).
 *
 * <p>Not guaranteed here: that released cells are large enough, not dominated, or unlinkable across
 * queries — those are output checks made on the results. Violation messages come from {@link
 * QueryRule} and quote at most short identifiers or tokens.
 *
 * <p>Instances are immutable and safe for concurrent use.
 */
public final class QueryChecker {
  /** The longest query accepted, in characters. */
  public static final int MAX_LENGTH = 20_000;

  /** The deepest parenthesis nesting accepted. */
  public static final int MAX_NESTING = 16;

  private static final long PARSE_TIMEOUT_MILLIS = 2_000;
  private static final Pattern LEXICAL_POSITION = Pattern.compile("line (\\d+), column (\\d+)");

  private final QueryCatalog catalog;
  private final EnumDomains domains;

  /**
   * Creates a checker for {@code catalog} without enum domains: enum literals and parameters are
   * then checked to be strings, not to be allowed values.
   */
  public QueryChecker(QueryCatalog catalog) {
    this(catalog, EnumDomains.NONE);
  }

  /** Creates a checker for {@code catalog} that also checks enum values against {@code domains}. */
  public QueryChecker(QueryCatalog catalog, EnumDomains domains) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.domains = Objects.requireNonNull(domains, "domains");
  }

  /**
   * Checks {@code sql}, reporting every violation found.
   *
   * @param sql the researcher's query text
   * @param projectDatasets the datasets the project may read
   * @param rules the project's disclosure rules (MIN and MAX are denied when DP is required)
   * @return the plan, or the violations in order of position
   */
  public CheckResult check(String sql, Set<DatasetId> projectDatasets, DisclosureRules rules) {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(projectDatasets, "projectDatasets");
    Objects.requireNonNull(rules, "rules");
    if (sql.length() > MAX_LENGTH) {
      QueryText head = new QueryText(sql.substring(0, 1));
      return new CheckResult.Denied(
          List.of(head.violation(QueryRule.TOO_LONG, new Span(0, 1), MAX_LENGTH)));
    }
    QueryText text = new QueryText(sql);
    Violations violations = new Violations(text);
    if (!lexicallySound(text, violations)) {
      return new CheckResult.Denied(violations.sorted());
    }
    Statements statements;
    try {
      statements = BoundedParser.parse(sql, PARSE_TIMEOUT_MILLIS);
    } catch (ParseException e) {
      violations.add(QueryRule.SYNTAX, syntaxSpan(text, e), syntaxToken(text, e));
      return new CheckResult.Denied(violations.sorted());
    } catch (TokenMgrException e) {
      Span at = lexicalErrorSpan(text, e);
      violations.add(QueryRule.SYNTAX, at, "line " + text.line(at.start()));
      return new CheckResult.Denied(violations.sorted());
    } catch (TimeoutException e) {
      violations.add(QueryRule.TOO_COMPLEX, new Span(0, Math.min(1, sql.length())), "parse time");
      return new CheckResult.Denied(violations.sorted());
    } catch (Exception e) {
      violations.add(QueryRule.SYNTAX, new Span(0, Math.min(1, sql.length())), "line 1");
      return new CheckResult.Denied(violations.sorted());
    }
    List<Statement> list = statements.stream().filter(Objects::nonNull).toList();
    StatementShape shape = StatementShape.of(text);
    shape.report(violations, list.size());
    if (list.isEmpty()) {
      violations.add(QueryRule.SYNTAX, new Span(0, Math.min(1, sql.length())), "an empty query");
      return new CheckResult.Denied(violations.sorted());
    }
    QueryPlan plan =
        new SelectChecker(catalog, projectDatasets, rules, domains, text, violations)
            .check(list.get(0), shape.firstStart());
    if (!violations.isEmpty() || plan == null) {
      if (violations.isEmpty()) {
        violations.add(QueryRule.SYNTAX, new Span(0, Math.min(1, sql.length())), "line 1");
      }
      return new CheckResult.Denied(violations.sorted());
    }
    return new CheckResult.Accepted(plan);
  }

  /** Reports comments, unterminated literals and excessive nesting; false if parsing is moot. */
  private static boolean lexicallySound(QueryText text, Violations violations) {
    boolean sound = true;
    int depth = 0;
    boolean tooDeep = false;
    for (SqlToken token : text.tokens()) {
      switch (token.kind()) {
        case COMMENT -> violations.add(QueryRule.COMMENT, token.span());
        case UNTERMINATED -> {
          violations.add(
              QueryRule.SYNTAX,
              new Span(token.start(), token.start() + 1),
              "an unterminated " + (token.text().startsWith("/*") ? "comment" : "quote"));
          sound = false;
        }
        case SYMBOL -> {
          depth += token.text().equals("(") ? 1 : token.text().equals(")") ? -1 : 0;
          if (depth > MAX_NESTING && !tooDeep) {
            violations.add(
                QueryRule.TOO_COMPLEX, token.span(), "nesting deeper than " + MAX_NESTING);
            tooDeep = true;
            sound = false;
          }
        }
        default -> {}
      }
    }
    if (sound && text.codeTokens().isEmpty()) {
      violations.add(
          QueryRule.SYNTAX, new Span(0, Math.min(1, text.sql().length())), "an empty query");
      sound = false;
    }
    return sound;
  }

  private static Span syntaxSpan(QueryText text, ParseException e) {
    Token at = e.currentToken == null ? null : e.currentToken.next;
    if (at == null || at.image == null || at.image.isEmpty() || at.kind == 0) {
      int end = text.sql().length();
      return new Span(Math.max(0, end - 1), end);
    }
    return text.span(at);
  }

  private static String syntaxToken(QueryText text, ParseException e) {
    Token at = e.currentToken == null ? null : e.currentToken.next;
    if (at == null || at.kind == 0 || at.image == null || at.image.isEmpty()) {
      return "the end of the query";
    }
    return describe(at.image);
  }

  /**
   * Names the token a syntax error stops at: a keyword, identifier or symbol by its text, a literal
   * only by its kind, since a literal may be a record value (a code, an amount) that a response
   * must not repeat.
   */
  private static String describe(String image) {
    char first = image.charAt(0);
    if (first == '\'' || image.length() > 1 && first == '$' && image.charAt(1) == '$') {
      return "a string literal";
    }
    if (first == '"' || first == '`' || first == '[') {
      return "a quoted identifier";
    }
    if (first >= '0' && first <= '9' || first == '.' && image.length() > 1) {
      return "a number";
    }
    if ((first == 'e'
            || first == 'E'
            || first == 'x'
            || first == 'X'
            || first == 'b'
            || first == 'B'
            || first == 'n'
            || first == 'N'
            || first == 'u'
            || first == 'U')
        && image.length() > 1
        && image.charAt(1) == '\'') {
      return "a string literal";
    }
    return "'" + image + "'";
  }

  private static Span lexicalErrorSpan(QueryText text, TokenMgrException e) {
    Matcher m = LEXICAL_POSITION.matcher(String.valueOf(e.getMessage()));
    if (m.find()) {
      int offset = text.offset(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      return new Span(
          Math.min(offset, Math.max(0, text.sql().length() - 1)),
          Math.min(text.sql().length(), offset + 1));
    }
    return new Span(0, Math.min(1, text.sql().length()));
  }
}
