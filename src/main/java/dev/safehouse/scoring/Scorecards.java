package dev.safehouse.scoring;

import dev.safehouse.common.Sha256;
import dev.safehouse.policy.ColumnClass;
import dev.safehouse.policy.ColumnSpec;
import dev.safehouse.policy.DatasetSchema;
import dev.safehouse.policy.DatasetSchemas;
import dev.safehouse.policy.PolicyBundle;
import dev.safehouse.policy.PolicyException;
import dev.safehouse.policy.PolicyProblem;
import dev.safehouse.policy.PolicyProblems;
import dev.safehouse.policy.PolicySchema;
import dev.safehouse.policy.SourcePosition;
import dev.safehouse.policy.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scorecards of a policy bundle: every {@code scoring/*.yaml} (or {@code .yml}) under the
 * policies directory, validated against the JSON Schema {@code
 * policy-schemas/scorecard.schema.json} and cross-checked against the dataset schemas. Immutable
 * once loaded.
 */
public final class Scorecards {
  private final Map<String, Scorecard> byModel;

  private Scorecards(Map<String, Scorecard> byModel) {
    this.byModel = byModel;
  }

  /**
   * Loads every scorecard under {@code policiesDir/scoring/}; none if the directory is absent.
   *
   * @param policiesDir the policies directory
   * @param schemas its dataset schemas, already loaded
   * @throws PolicyException listing every problem, one per line, as {@code file:line:column: field:
   *     message}: YAML syntax, schema violations, and cross-check failures (a model not named as
   *     its file, a column not in the fused view, bins that overlap or do not fit the column's
   *     type, a reason not in the catalogue, grade minimums out of order, a base score outside the
   *     range)
   */
  public static Scorecards load(Path policiesDir, DatasetSchemas schemas) {
    PolicyProblems problems = new PolicyProblems();
    Map<String, ColumnSpec> columns = fusedColumns(schemas);
    Map<String, Scorecard> byModel = new LinkedHashMap<>();
    for (Path path : PolicyBundle.yamlFiles(policiesDir, "scoring")) {
      String file = "scoring/" + path.getFileName();
      byte[] content;
      try {
        content = Files.readAllBytes(path);
      } catch (IOException e) {
        problems.add(new PolicyProblem(file, SourcePosition.NONE, "", "cannot be read"));
        continue;
      }
      String stem = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      Optional<Scorecard> card =
          YamlDocument.read(content, file, problems)
              .filter(doc -> PolicySchema.SCORECARD.validate(doc, problems))
              .flatMap(
                  doc -> ScorecardFile.read(doc, stem, Sha256.hex(content), columns, problems));
      if (card.isPresent() && byModel.putIfAbsent(stem, card.get()) != null) {
        problems.add(
            new PolicyProblem(
                file, SourcePosition.NONE, "", "model " + stem + " is defined twice"));
      }
    }
    problems.throwIfAny();
    return new Scorecards(byModel);
  }

  /** Finds a scorecard by model name. */
  public Optional<Scorecard> find(String model) {
    return Optional.ofNullable(byModel.get(model));
  }

  /** Returns every scorecard, in file name order. */
  public List<Scorecard> all() {
    return List.copyOf(byModel.values());
  }

  /** The fused view's columns: every column of every dataset but the {@code uscc} join key. */
  private static Map<String, ColumnSpec> fusedColumns(DatasetSchemas schemas) {
    Map<String, ColumnSpec> columns = new LinkedHashMap<>();
    for (DatasetSchema schema : schemas.all()) {
      for (ColumnSpec column : schema.columns()) {
        if (column.columnClass() != ColumnClass.IDENTIFIER) {
          columns.putIfAbsent(column.name(), column);
        }
      }
    }
    return columns;
  }
}
