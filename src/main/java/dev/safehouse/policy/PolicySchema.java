package dev.safehouse.policy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas (draft 2020-12) policy files are validated against, loaded from the class path
 * ({@code policy-schemas/}) so that they are part of the code's measurement, not of the bundle's.
 * The shared {@code rules.schema.json} is registered up front, so resolving references needs no
 * network.
 */
public enum PolicySchema {
  /** {@code projects/templates.yaml}. */
  TEMPLATES("templates.schema.json"),
  /** {@code disclosure/<dataset>.yaml}. */
  DISCLOSURE("disclosure.schema.json"),
  /** {@code scoring/<model>.yaml}: a scorecard (read by {@code dev.safehouse.scoring}). */
  SCORECARD("scorecard.schema.json");

  private static final String BASE = "https://safehouse.dev/policy-schemas/";

  private final Schema schema;

  PolicySchema(String file) {
    this.schema = Registry.INSTANCE.getSchema(SchemaLocation.of(BASE + file));
    schema.initializeValidators();
  }

  /**
   * Validates {@code document}, recording each violation, at the position of the offending node, in
   * {@code problems}.
   *
   * @return whether the document is valid
   */
  public boolean validate(YamlDocument document, PolicyProblems problems) {
    boolean valid = true;
    for (Error error : schema.validate(document.root())) {
      valid = false;
      problems.add(problem(document, error));
    }
    return valid;
  }

  private static PolicyProblem problem(YamlDocument document, Error error) {
    String pointer = pointer(error.getInstanceLocation());
    String property = error.getProperty();
    String member = property == null ? pointer : pointer + "/" + FieldPath.escape(property);
    return switch (error.getKeyword()) {
      case "additionalProperties", "unevaluatedProperties" ->
          document.problem(member, "unknown field");
      case "required" ->
          new PolicyProblem(
              document.file(),
              document.position(pointer),
              FieldPath.of(member, document.root()),
              "is required");
      case "propertyNames" ->
          document.problem(member, "is not a valid name: " + innerMessage(error));
      default -> document.problem(pointer, SchemaMessages.of(error));
    };
  }

  private static String innerMessage(Error error) {
    Object[] args = error.getArguments();
    return args != null && args.length > 1 ? String.valueOf(args[1]) : error.getMessage();
  }

  private static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      pointer.append('/').append(FieldPath.escape(String.valueOf(path.getElement(i))));
    }
    return pointer.toString();
  }

  /** The registry, in its own class: enum constants are built before the enum's static fields. */
  private static final class Registry {
    static final SchemaRegistry INSTANCE = build();

    private static SchemaRegistry build() {
      Map<String, String> schemas = new HashMap<>();
      for (String file :
          List.of(
              "rules.schema.json",
              "templates.schema.json",
              "disclosure.schema.json",
              "scorecard.schema.json")) {
        schemas.put(BASE + file, resource(file));
      }
      return SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder
                  .schemas(schemas)
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder().errorMessageKeyword("message").build()));
    }

    private static String resource(String file) {
      try (InputStream in = PolicySchema.class.getResourceAsStream("/policy-schemas/" + file)) {
        if (in == null) {
          throw new IllegalStateException("policy schema missing from the class path: " + file);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
