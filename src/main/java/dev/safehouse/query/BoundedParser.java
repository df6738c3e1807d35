package dev.safehouse.query;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;

/**
 * Runs JSqlParser on a worker thread with a deadline, so that a pathological query cannot hold a
 * caller's thread. The parser cannot be interrupted: a timed-out parse keeps its (daemon) thread
 * until it ends, which the checker's size and nesting limits keep short.
 */
final class BoundedParser {
  private static final ExecutorService WORKERS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "query-parser");
            thread.setDaemon(true);
            return thread;
          });

  private BoundedParser() {}

  /**
   * Parses {@code sql} as a list of statements.
   *
   * @throws TimeoutException if parsing takes longer than {@code timeoutMillis}
   * @throws Exception the parser's own {@code ParseException} or {@code TokenMgrException}
   */
  static Statements parse(String sql, long timeoutMillis) throws Exception {
    Future<Statements> result =
        WORKERS.submit(
            () -> {
              CCJSqlParser parser = CCJSqlParserUtil.newParser(sql);
              return parser.Statements();
            });
    try {
      return result.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw new IllegalStateException("parser failed", e.getCause());
    } catch (TimeoutException e) {
      result.cancel(true);
      throw e;
    }
  }
}
