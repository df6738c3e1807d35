package dev.safehouse.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.safehouse.common.ProblemType;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body, served as {@code application/problem+json}.
 *
 * <p>{@code detail} always comes from a safe message ({@link
 * dev.safehouse.common.SafehouseException#getMessage()} or a fixed text): never a class name, stack
 * trace or submitted value. {@code errors} lists validation failures by field path.
 *
 * @param type the stable type URI of the error kind
 * @param title the fixed title of the kind
 * @param status the HTTP status
 * @param detail what went wrong in this occurrence
 * @param instance the request path
 * @param errors per-field validation failures, or null
 * @param violations a denied query's policy violations, with their positions in the SQL, or null
 * @param rules the ids of the rules that refused a request, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    URI type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    List<Violation> violations,
    List<String> rules) {

  /** Media type of problem bodies. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * One validation failure.
   *
   * @param field the path of the offending field, e.g. {@code consent.uscc}
   * @param message what is wrong with it, never its value
   */
  public record FieldError(String field, String message) {}

  /**
   * One policy violation in a query's SQL.
   *
   * @param rule the stable rule id (docs/queries.md)
   * @param message what is wrong, naming identifiers but never a value
   * @param line 1-based line of the offending text
   * @param column 1-based column of the offending text
   * @param length length of the offending text, in characters
   */
  public record Violation(String rule, String message, int line, int column, int length) {}

  /** Creates the problem for {@code type} with the given detail and request path. */
  public static Problem of(ProblemType type, String detail, String instance) {
    return new Problem(type.uri(), type.title(), type.status(), detail, instance, null, null, null);
  }
}
