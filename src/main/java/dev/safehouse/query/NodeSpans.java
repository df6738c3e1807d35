package dev.safehouse.query;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Finds where a parsed node is in the text. JSqlParser links only some nodes to their tokens, and
 * for operators the linked range can start at the operator or run past the node; so a node's span
 * is the union of its first token, its last token where that is known to be exact (identifiers,
 * literals, bracketed forms), and its children's spans.
 */
final class NodeSpans {
  private final QueryText text;

  NodeSpans(QueryText text) {
    this.text = text;
  }

  /** Returns the node's span, or {@code fallback} if the parser recorded none. */
  Span of(Object node, Span fallback) {
    return find(node).orElse(fallback);
  }

  /** Returns the node's span, if the parser recorded tokens for it or its children. */
  Optional<Span> find(Object node) {
    Span span = own(node);
    for (Object child : children(node)) {
      Span childSpan = find(child).orElse(null);
      span = span == null ? childSpan : span.union(childSpan);
    }
    return Optional.ofNullable(span);
  }

  private Span own(Object node) {
    if (!(node instanceof ASTNodeAccess access) || access.getASTNode() == null) {
      return null;
    }
    SimpleNode ast = access.getASTNode();
    Span first = text.span(ast.jjtGetFirstToken());
    if (exactEnd(node) && ast.jjtGetLastToken() != null) {
      return first.union(text.span(ast.jjtGetLastToken()));
    }
    return first;
  }

  private static boolean exactEnd(Object node) {
    return node instanceof Column
        || node instanceof Table
        || node instanceof SelectItem<?>
        || node instanceof AllColumns
        || node instanceof Join
        || node instanceof JdbcNamedParameter
        || node instanceof Function
        || node instanceof CastExpression
        || node instanceof CaseExpression
        || node instanceof AnalyticExpression
        || node instanceof ParenthesedExpressionList<?>
        || node instanceof ParenthesedSelect
        || node instanceof SignedExpression
        || node.getClass().getPackageName().endsWith(".expression")
            && node.getClass().getSimpleName().endsWith("Value");
  }

  private static Iterable<?> children(Object node) {
    if (node instanceof BinaryExpression b) {
      return Arrays.asList(b.getLeftExpression(), b.getRightExpression());
    }
    if (node instanceof InExpression in) {
      return Arrays.asList(in.getLeftExpression(), in.getRightExpression());
    }
    if (node instanceof Between b) {
      return Arrays.asList(
          b.getLeftExpression(), b.getBetweenExpressionStart(), b.getBetweenExpressionEnd());
    }
    if (node instanceof IsNullExpression n) {
      return Arrays.asList(n.getLeftExpression());
    }
    if (node instanceof NotExpression n) {
      return Arrays.asList(n.getExpression());
    }
    if (node instanceof SignedExpression s) {
      return Arrays.asList(s.getExpression());
    }
    if (node instanceof ExpressionList<?> list) {
      return list;
    }
    if (node instanceof Function f && f.getParameters() != null) {
      return f.getParameters();
    }
    return List.of();
  }
}
