package dev.safehouse.query;

import java.util.Locale;

/**
 * The catalogue of query-check rules: each has a stable id (reported to researchers, documented in
 * {@code docs/queries.md}) and the one message template used for it.
 *
 * <p>Templates take only short, checker-chosen arguments (identifiers, keywords, truncated tokens),
 * so a message never echoes long user text; see {@link #message(Object...)}.
 */
public enum QueryRule {
  /** The text does not parse as SQL. */
  SYNTAX("syntax", "syntax error at %s"),
  /** The text exceeds the size limit. */
  TOO_LONG("too-long", "query is longer than %s characters"),
  /** Nesting too deep, or parsing took too long. */
  TOO_COMPLEX("too-complex", "query is too complex to check (%s)"),
  /** A comment or optimizer hint. */
  COMMENT("comment", "comments and hints are not allowed"),
  /** Not a SELECT statement. */
  NOT_A_SELECT("not-a-select", "only SELECT queries are allowed, not %s"),
  /** More than one statement. */
  MULTIPLE_STATEMENTS("multiple-statements", "only one statement is allowed"),
  /** The FROM item is not a catalog source, or is missing. */
  UNKNOWN_SOURCE("unknown-source", "unknown source %s; use fused or a dataset table"),
  /** A column or source of a dataset the project may not read. */
  DATASET_NOT_IN_PROJECT("dataset-not-in-project", "%s belongs to dataset %s, not in this project"),
  /** A join or a second FROM item. */
  JOIN("join", "joins are not allowed; query the fused source instead"),
  /** A subquery, CTE, set operation, LATERAL or VALUES. */
  SUBQUERY("subquery", "%s is not allowed; a query reads one source once"),
  /** {@code *} or {@code t.*} in the select list. */
  SELECT_STAR("select-star", "SELECT * is not allowed; name dimensions and aggregates"),
  /** The identifier column. */
  IDENTIFIER_COLUMN("identifier-column", "the identifier column %s may not be used in queries"),
  /** A sensitive column used where its policy forbids. */
  SENSITIVE_COLUMN("sensitive-column", "sensitive column %s may %s"),
  /** Row-level output: an ungrouped column, or no aggregate at all. */
  ROW_LEVEL_OUTPUT("row-level-output", "%s"),
  /** GROUP BY on something other than a dimension column. */
  NOT_A_DIMENSION("not-a-dimension", "GROUP BY %s: only dimension columns may be grouped"),
  /** An aggregate the column's policy does not allow. */
  AGGREGATE_NOT_ALLOWED("aggregate-not-allowed", "%s"),
  /** A function, CASE, CAST, arithmetic or window. */
  FUNCTION_NOT_ALLOWED("function-not-allowed", "%s is not allowed; only COUNT, SUM, AVG, MIN, MAX"),
  /** A HAVING clause. */
  HAVING("having", "HAVING is not allowed; filter released cells after the query"),
  /** SELECT DISTINCT. */
  DISTINCT("distinct", "SELECT DISTINCT is not allowed; use GROUP BY"),
  /** A column the source does not have. */
  UNKNOWN_COLUMN("unknown-column", "unknown column %s in source %s"),
  /** A predicate form outside the accepted subset. */
  BAD_FILTER("bad-filter", "%s is not an accepted filter; compare a column with a value"),
  /** A literal of the wrong type for its column. */
  BAD_LITERAL("bad-literal", "%s"),
  /** A positional, malformed or inconsistently typed parameter. */
  BAD_PARAMETER("bad-parameter", "%s"),
  /** LIMIT out of range, OFFSET or FETCH. */
  LIMIT("limit", "%s"),
  /** ORDER BY something that is not an output column. */
  ORDER_BY("order-by", "ORDER BY %s: order by an output column, alias or position"),
  /** An output alias that is not a simple identifier or repeats. */
  ALIAS("alias", "alias %s: use a unique identifier of at most 63 characters"),
  /** Any other clause outside the subset (INTO, FOR UPDATE, TOP, QUALIFY, WINDOW, ...). */
  CLAUSE("clause", "%s is not allowed in queries");

  private static final int MAX_ARGUMENT_CHARS = 40;

  private final String id;
  private final String template;

  QueryRule(String id, String template) {
    this.id = id;
    this.template = template;
  }

  /** Returns the stable rule id, e.g. {@code identifier-column}. */
  public String id() {
    return id;
  }

  /** Returns the message template ({@link String#format} syntax). */
  public String template() {
    return template;
  }

  /**
   * Formats this rule's message. Each argument is shortened to at most 40 characters (with an
   * ellipsis) and stripped of control characters, so user text is never echoed at length.
   */
  public String message(Object... arguments) {
    Object[] safe = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      safe[i] = shorten(String.valueOf(arguments[i]));
    }
    return String.format(Locale.ROOT, template, safe);
  }

  /** Finds a rule by id. */
  public static QueryRule byId(String id) {
    for (QueryRule rule : values()) {
      if (rule.id.equals(id)) {
        return rule;
      }
    }
    throw new IllegalArgumentException("no query rule " + id);
  }

  static String shorten(String text) {
    String flat = text.replaceAll("\\p{Cntrl}", " ");
    return flat.length() <= MAX_ARGUMENT_CHARS ? flat : flat.substring(0, MAX_ARGUMENT_CHARS) + "…";
  }
}
