package dev.safehouse.query;

import dev.safehouse.query.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import net.sf.jsqlparser.parser.Token;

/**
 * A query's text with its tokens: converts between character offsets and the parser's 1-based
 * (line, column) positions, and finds keywords. Line breaks are {@code \n}, {@code \r\n} or a lone
 * {@code \r}, as in the parser; columns count UTF-16 units, a tab as one.
 */
final class QueryText {
  private final String sql;
  private final List<SqlToken> tokens;
  private final List<Integer> lineStarts = new ArrayList<>();

  QueryText(String sql) {
    this.sql = sql;
    this.tokens = SqlLexer.tokenize(sql);
    lineStarts.add(0);
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 == sql.length() || sql.charAt(i + 1) != '\n')) {
        lineStarts.add(i + 1);
      }
    }
  }

  String sql() {
    return sql;
  }

  /** Returns every token, comments included. */
  List<SqlToken> tokens() {
    return tokens;
  }

  /** Returns the tokens other than comments, in order. */
  List<SqlToken> codeTokens() {
    return tokens.stream().filter(t -> t.kind() != Kind.COMMENT).toList();
  }

  /** Returns the 1-based line of an offset. */
  int line(int offset) {
    int low = 0;
    int high = lineStarts.size() - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (lineStarts.get(mid) <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low + 1;
  }

  /** Returns the 1-based column of an offset. */
  int column(int offset) {
    return offset - lineStarts.get(line(offset) - 1) + 1;
  }

  /** Converts a parser position (1-based line and column) to an offset, clamped to the text. */
  int offset(int line, int column) {
    if (line < 1) {
      return 0;
    }
    int lineStart = line <= lineStarts.size() ? lineStarts.get(line - 1) : sql.length();
    return Math.max(0, Math.min(sql.length(), lineStart + column - 1));
  }

  /** Returns the span of a parser token. */
  Span span(Token token) {
    int start = offset(token.beginLine, token.beginColumn);
    int end = Math.max(start, offset(token.endLine, token.endColumn) + 1);
    return new Span(start, Math.min(end, sql.length()));
  }

  /** Returns the first code token at or after {@code from} that satisfies {@code test}. */
  Optional<SqlToken> find(int from, Predicate<SqlToken> test) {
    for (SqlToken token : tokens) {
      if (token.start() >= from && token.kind() != Kind.COMMENT && test.test(token)) {
        return Optional.of(token);
      }
    }
    return Optional.empty();
  }

  /** Returns the span of the first word {@code keyword} at or after {@code from}, if any. */
  Optional<Span> keyword(String keyword, int from) {
    return find(from, t -> t.isWord(keyword)).map(SqlToken::span);
  }

  /** Returns the span of the code token starting exactly at {@code offset}, else one character. */
  Span tokenAt(int offset) {
    return find(offset, t -> true)
        .filter(t -> t.start() == offset)
        .map(SqlToken::span)
        .orElse(new Span(offset, Math.min(sql.length(), offset + 1)));
  }

  /** Converts a span to a violation of {@code rule}. */
  Violation violation(QueryRule rule, Span span, Object... arguments) {
    int length = sql.isEmpty() ? 0 : Math.max(1, span.end() - span.start());
    return new Violation(
        rule.id(), rule.message(arguments), line(span.start()), column(span.start()), length);
  }
}
