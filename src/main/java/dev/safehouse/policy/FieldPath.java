package dev.safehouse.policy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Converts between JSON pointers (RFC 6901) and the field paths shown in policy problems: {@code
 * /templates/dp-open/k} is shown as {@code templates.dp-open.k}, {@code /columns/x/clamp/1} as
 * {@code columns.x.clamp[1]}.
 */
public final class FieldPath {
  private FieldPath() {}

  /** Escapes one reference token: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /**
   * Returns the field path of {@code pointer}; empty for the root.
   *
   * @param pointer a JSON pointer
   * @param root the document, to tell array indices from numeric keys; if null, a token of digits
   *     is taken for an index
   */
  static String of(String pointer, JsonNode root) {
    if (pointer.isEmpty()) {
      return "";
    }
    StringBuilder path = new StringBuilder();
    JsonNode node = root;
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      boolean index =
          node == null
              ? !token.isEmpty() && token.chars().allMatch(Character::isDigit)
              : node.isArray();
      if (index && path.length() > 0) {
        path.append('[').append(token).append(']');
      } else {
        path.append(path.length() > 0 ? "." : "").append(token);
      }
      node = child(node, token);
    }
    return path.toString();
  }

  private static JsonNode child(JsonNode node, String token) {
    if (node == null) {
      return null;
    }
    JsonNode child =
        node.isArray() && token.chars().allMatch(Character::isDigit) && !token.isEmpty()
            ? node.path(Integer.parseInt(token))
            : node.path(token);
    return child.isMissingNode() ? null : child;
  }
}
