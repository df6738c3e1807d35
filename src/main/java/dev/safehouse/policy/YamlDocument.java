package dev.safehouse.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A policy file parsed from YAML into a JSON tree, with the position of every node: for an object
 * member the position of its key, for an array element that of the element. Nodes are addressed by
 * JSON pointer (RFC 6901: {@code ""} is the root, {@code /templates/dp-open/k} a member).
 *
 * <p>Numbers with a fraction are kept exact ({@link java.math.BigDecimal}). Anchors and aliases,
 * duplicate keys and several documents in one file are refused: each would make what a reviewer
 * reads differ from what is enforced.
 *
 * @param file the file's path relative to the policies directory, as shown in problems
 * @param root the document
 * @param positions the position of each node, by JSON pointer
 */
public record YamlDocument(String file, JsonNode root, Map<String, SourcePosition> positions) {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /** Copies {@code positions}. */
  public YamlDocument {
    positions = Map.copyOf(positions);
  }

  /**
   * Reads {@code path}, recording any syntax problem, with its position, in {@code problems}.
   *
   * @param path the file to read
   * @param file its name as shown in problems
   * @return the document, or empty if it is not well-formed YAML
   */
  public static Optional<YamlDocument> read(Path path, String file, PolicyProblems problems) {
    byte[] content;
    try {
      content = Files.readAllBytes(path);
    } catch (IOException e) {
      problems.add(new PolicyProblem(file, SourcePosition.NONE, "", "cannot be read"));
      return Optional.empty();
    }
    return read(content, file, problems);
  }

  /**
   * Parses {@code content}, recording any syntax problem, with its position, in {@code problems}.
   * For callers that also hash the exact bytes they parse.
   *
   * @param content the file's bytes (UTF-8)
   * @param file its name as shown in problems
   * @return the document, or empty if it is not well-formed YAML
   */
  public static Optional<YamlDocument> read(byte[] content, String file, PolicyProblems problems) {
    int before = problems.count();
    Map<String, SourcePosition> positions = new HashMap<>();
    try (YAMLParser parser = YAML.createParser(content)) {
      if (parser.nextToken() == null) {
        problems.add(new PolicyProblem(file, SourcePosition.START, "", "the file is empty"));
        return Optional.empty();
      }
      positions.put("", SourcePosition.START);
      Reader reader = new Reader(parser, file, positions, problems);
      JsonNode root = reader.value("");
      if (parser.nextToken() != null) {
        reader.problem("", parser.currentTokenLocation(), "holds more than one YAML document");
      }
      return problems.count() == before
          ? Optional.of(new YamlDocument(file, root, positions))
          : Optional.empty();
    } catch (MarkedYAMLException e) {
      problems.add(new PolicyProblem(file, at(e.getLocation()), "", syntax(e)));
    } catch (JsonProcessingException e) {
      problems.add(
          new PolicyProblem(
              file, at(e.getLocation()), "", "YAML syntax: " + e.getOriginalMessage()));
    } catch (IOException e) {
      problems.add(new PolicyProblem(file, SourcePosition.NONE, "", "cannot be read"));
    }
    return Optional.empty();
  }

  /** Returns the position of the node at {@code pointer}, or of its nearest recorded ancestor. */
  public SourcePosition position(String pointer) {
    String p = pointer;
    while (!positions.containsKey(p) && !p.isEmpty()) {
      p = p.substring(0, p.lastIndexOf('/'));
    }
    return positions.getOrDefault(p, SourcePosition.START);
  }

  /** Returns a problem at the node at {@code pointer}, naming its field path. */
  public PolicyProblem problem(String pointer, String message) {
    return new PolicyProblem(file, position(pointer), FieldPath.of(pointer, root), message);
  }

  /** Returns the node at {@code pointer}, or a missing node. */
  public JsonNode at(String pointer) {
    return root.at(pointer);
  }

  /** Describes a syntax error, with where the construct it breaks started (SnakeYAML's context). */
  private static String syntax(MarkedYAMLException e) {
    String text = "YAML syntax: " + (e.getProblem() == null ? "malformed" : e.getProblem().strip());
    Mark context = e.getContextMark();
    if (e.getContext() != null && context != null) {
      // SnakeYAML's marks count from 0.
      text +=
          " ("
              + e.getContext().strip()
              + " started at "
              + (context.getLine() + 1)
              + ":"
              + (context.getColumn() + 1)
              + ")";
    }
    return text;
  }

  private static SourcePosition at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return SourcePosition.NONE;
    }
    return new SourcePosition(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /** Builds the tree from the parser's tokens, recording positions. */
  private record Reader(
      YAMLParser parser,
      String file,
      Map<String, SourcePosition> positions,
      PolicyProblems problems) {

    JsonNode value(String pointer) throws IOException {
      if (parser.isCurrentAlias()) {
        problem(pointer, parser.currentTokenLocation(), "YAML aliases are not allowed");
        return NODES.nullNode();
      }
      JsonToken token = parser.currentToken();
      return switch (token) {
        case START_OBJECT -> object(pointer);
        case START_ARRAY -> array(pointer);
        case VALUE_STRING -> NODES.textNode(parser.getText());
        case VALUE_NUMBER_INT -> integer();
        case VALUE_NUMBER_FLOAT -> decimal(pointer);
        case VALUE_TRUE -> NODES.booleanNode(true);
        case VALUE_FALSE -> NODES.booleanNode(false);
        default -> NODES.nullNode();
      };
    }

    private JsonNode integer() throws IOException {
      return switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
    }

    private JsonNode decimal(String pointer) throws IOException {
      try {
        return NODES.numberNode(parser.getDecimalValue());
      } catch (NumberFormatException e) {
        problem(pointer, parser.currentTokenLocation(), "must be a finite number");
        return NODES.nullNode();
      }
    }

    private ObjectNode object(String pointer) throws IOException {
      ObjectNode node = NODES.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        String child = pointer + "/" + FieldPath.escape(name);
        JsonLocation key = parser.currentTokenLocation();
        if (node.has(name)) {
          problem(child, key, "duplicate key");
        } else {
          positions.put(child, YamlDocument.at(key));
        }
        parser.nextToken();
        node.set(name, value(child));
      }
      return node;
    }

    private ArrayNode array(String pointer) throws IOException {
      ArrayNode node = NODES.arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        String child = pointer + "/" + node.size();
        positions.put(child, YamlDocument.at(parser.currentTokenLocation()));
        node.add(value(child));
      }
      return node;
    }

    void problem(String pointer, JsonLocation location, String message) {
      problems.add(
          new PolicyProblem(file, YamlDocument.at(location), FieldPath.of(pointer, null), message));
    }
  }
}
