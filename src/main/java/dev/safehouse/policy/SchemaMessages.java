package dev.safehouse.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of messages for JSON Schema violations in policy files, worded for the person
 * editing the YAML ("must be at least 2") rather than for a schema author. A message set in the
 * schema itself (its {@code message} keyword) wins; keywords not listed here fall back to the
 * validator's own text.
 */
final class SchemaMessages {
  private SchemaMessages() {}

  /** Returns the message for {@code error}, without its location. */
  static String of(Error error) {
    if (error.isCustomMessage()) {
      return error.getMessage();
    }
    Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
    JsonNode schema = error.getSchemaNode();
    String first = args.length > 0 ? String.valueOf(args[0]) : "";
    return switch (error.getKeyword()) {
      case "type" ->
          "must be " + typeName(args.length > 1 ? args[1] : "") + ", not " + typeName(first);
      case "minimum" -> "must be at least " + first;
      case "maximum" -> "must be at most " + first;
      case "exclusiveMinimum" -> "must be greater than " + first;
      case "exclusiveMaximum" -> "must be less than " + first;
      case "enum" -> "must be one of " + values(schema);
      case "const" -> "must be " + schema;
      case "minItems" -> "must have at least " + first + " items";
      case "maxItems" -> "must have at most " + first + " items";
      case "uniqueItems" -> "must not repeat an item";
      case "minProperties" -> "must not be empty";
      case "minLength" ->
          "1".equals(first) ? "must not be empty" : "must have at least " + first + " characters";
      case "maxLength" -> "must have at most " + first + " characters";
      case "pattern" -> "must match " + first;
      default -> error.getMessage();
    };
  }

  private static String typeName(Object type) {
    String name = String.valueOf(type);
    return switch (name) {
      case "integer", "object", "array" -> "an " + name;
      case "null" -> "empty";
      default -> "a " + name;
    };
  }

  private static String values(JsonNode schema) {
    if (schema == null || !schema.isArray()) {
      return "the listed values";
    }
    List<String> values = new ArrayList<>();
    schema.forEach(v -> values.add(v.asText()));
    return String.join(", ", values);
  }
}
