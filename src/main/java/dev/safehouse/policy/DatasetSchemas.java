package dev.safehouse.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.common.DatasetId;
import dev.safehouse.common.InvalidRequestException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The dataset schemas of a policy bundle: every {@code datasets/*.json} under the policies
 * directory, validated as a whole.
 */
public final class DatasetSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<DatasetId, DatasetSchema> byId;

  private DatasetSchemas(Map<DatasetId, DatasetSchema> byId) {
    this.byId = Map.copyOf(byId);
  }

  /**
   * Loads {@code policiesDir/datasets/*.json}.
   *
   * @throws PolicyException naming the file and what is wrong, if a file is unreadable or invalid,
   *     two files define the same dataset, or there are none
   */
  public static DatasetSchemas load(Path policiesDir) {
    Path dir = policiesDir.resolve("datasets");
    Map<DatasetId, DatasetSchema> schemas = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path file : files) {
        DatasetSchema schema = parse(file);
        if (schemas.put(schema.id(), schema) != null) {
          throw new PolicyException(
              file.getFileName() + ": dataset " + schema.id() + " is defined twice");
        }
      }
    } catch (IOException e) {
      throw new PolicyException("cannot read dataset definitions in " + dir, e);
    }
    if (schemas.isEmpty()) {
      throw new PolicyException("no dataset definitions in " + dir);
    }
    return new DatasetSchemas(schemas);
  }

  /** Returns the schema of {@code id}, if defined. */
  public Optional<DatasetSchema> find(DatasetId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Returns every schema, in dataset id order. */
  public List<DatasetSchema> all() {
    List<DatasetSchema> list = new ArrayList<>(byId.values());
    list.sort((a, b) -> a.id().value().compareTo(b.id().value()));
    return List.copyOf(list);
  }

  static DatasetSchema parse(Path file) {
    String where = file.getFileName().toString();
    try {
      JsonNode root = JSON.readTree(file.toFile());
      List<ColumnSpec> columns = new ArrayList<>();
      for (JsonNode c : required(root, "columns", where)) {
        String name = c.path("name").asText("");
        try {
          columns.add(column(c, name));
        } catch (IllegalArgumentException e) {
          throw new PolicyException(where + ": " + safe(e, name));
        }
      }
      return new DatasetSchema(
          DatasetId.parse(required(root, "dataset", where).asText()),
          required(root, "schemaVersion", where).asInt(0),
          root.path("description").asText(""),
          columns);
    } catch (IOException e) {
      throw new PolicyException(where + ": not valid JSON", e);
    } catch (IllegalArgumentException | InvalidRequestException e) {
      throw new PolicyException(where + ": " + e.getMessage());
    }
  }

  private static ColumnSpec column(JsonNode c, String name) {
    List<String> values = new ArrayList<>();
    c.path("values").forEach(v -> values.add(v.asText()));
    return new ColumnSpec(
        name,
        ColumnType.valueOf(c.path("type").asText("").toUpperCase(Locale.ROOT)),
        ColumnClass.valueOf(c.path("class").asText("").toUpperCase(Locale.ROOT)),
        c.path("nullable").asBoolean(false),
        values,
        c.has("min") ? Optional.of(c.get("min").asDouble()) : Optional.empty(),
        c.has("max") ? Optional.of(c.get("max").asDouble()) : Optional.empty(),
        c.has("pattern")
            ? Optional.of(Pattern.compile(c.get("pattern").asText()))
            : Optional.empty(),
        c.path("description").asText(""));
  }

  private static String safe(RuntimeException e, String column) {
    String message = e.getMessage() == null ? "invalid definition" : e.getMessage();
    if (e instanceof PatternSyntaxException) {
      return "column " + column + ": invalid pattern";
    }
    if (message.startsWith("No enum constant")) {
      return "column " + column + ": unknown type or class";
    }
    return message.startsWith("column ") ? message : "column " + column + ": " + message;
  }

  private static JsonNode required(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new PolicyException(where + ": missing field '" + field + "'");
    }
    return value;
  }
}
