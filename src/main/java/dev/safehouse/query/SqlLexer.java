package dev.safehouse.query;

import dev.safehouse.query.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits query text into {@link SqlToken}s, so that keywords, comments and identifiers can be
 * located without trusting the parser's positions. Understands {@code '...'} strings with {@code
 * ''} escapes, {@code "..."} and {@code `...`} identifiers with doubled-quote escapes, {@code --}
 * line comments and {@code /* *}{@code /} block comments; whitespace is skipped.
 */
final class SqlLexer {
  private static final String TWO_CHAR_SYMBOLS = "<> != <= >= || :: ->";

  private final String sql;
  private final List<SqlToken> tokens = new ArrayList<>();
  private int pos;

  private SqlLexer(String sql) {
    this.sql = sql;
  }

  /** Tokenizes {@code sql}; never fails (an unclosed construct becomes an UNTERMINATED token). */
  static List<SqlToken> tokenize(String sql) {
    SqlLexer lexer = new SqlLexer(sql);
    lexer.run();
    return List.copyOf(lexer.tokens);
  }

  private void run() {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      int start = pos;
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (startsWith("--")) {
        pos = lineEnd(pos);
        add(Kind.COMMENT, start);
      } else if (startsWith("/*")) {
        int close = sql.indexOf("*/", pos + 2);
        pos = close < 0 ? sql.length() : close + 2;
        add(close < 0 ? Kind.UNTERMINATED : Kind.COMMENT, start);
      } else if (c == '\'') {
        quoted('\'', Kind.STRING);
      } else if (c == '"' || c == '`') {
        quoted(c, Kind.QUOTED);
      } else if (digitAt(pos) || (c == '.' && pos + 1 < sql.length() && digitAt(pos + 1))) {
        number();
      } else if (c == ':' && pos + 1 < sql.length() && wordChar(sql.charAt(pos + 1), true)) {
        pos++;
        while (pos < sql.length() && wordChar(sql.charAt(pos), false)) {
          pos++;
        }
        add(Kind.PARAMETER, start);
      } else if (wordChar(c, true)) {
        while (pos < sql.length() && wordChar(sql.charAt(pos), false)) {
          pos++;
        }
        add(Kind.WORD, start);
      } else {
        boolean two =
            pos + 1 < sql.length() && TWO_CHAR_SYMBOLS.contains(sql.substring(pos, pos + 2));
        pos += two ? 2 : Character.charCount(sql.codePointAt(pos));
        add(Kind.SYMBOL, start);
      }
    }
  }

  private void quoted(char quote, Kind kind) {
    int start = pos++;
    while (pos < sql.length()) {
      if (sql.charAt(pos) == quote) {
        if (pos + 1 < sql.length() && sql.charAt(pos + 1) == quote) {
          pos += 2;
          continue;
        }
        pos++;
        add(kind, start);
        return;
      }
      pos++;
    }
    add(Kind.UNTERMINATED, start);
  }

  private void number() {
    int start = pos;
    while (pos < sql.length() && (digitAt(pos) || sql.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
      int save = pos++;
      if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < sql.length() && digitAt(pos)) {
        while (pos < sql.length() && digitAt(pos)) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
    add(Kind.NUMBER, start);
  }

  private int lineEnd(int from) {
    int i = from;
    while (i < sql.length() && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private boolean startsWith(String prefix) {
    return sql.startsWith(prefix, pos);
  }

  private boolean digitAt(int i) {
    char c = sql.charAt(i);
    return c >= '0' && c <= '9';
  }

  private static boolean wordChar(char c, boolean first) {
    return Character.isLetter(c)
        || c == '_'
        || c == '$' && !first
        || !first && Character.isDigit(c);
  }

  private void add(Kind kind, int start) {
    tokens.add(new SqlToken(kind, sql.substring(start, pos), start, pos));
  }
}
