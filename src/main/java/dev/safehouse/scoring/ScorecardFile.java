package dev.safehouse.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safehouse.policy.ColumnSpec;
import dev.safehouse.policy.FieldPath;
import dev.safehouse.policy.PolicyProblems;
import dev.safehouse.policy.PolicySchema;
import dev.safehouse.policy.YamlDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code scoring/<model>.yaml} file valid against {@link PolicySchema#SCORECARD} and
 * cross-checks it: the model is named as its file; {@code range[0] < range[1]}; the base score lies
 * in the range; grade minimums strictly decrease from A to D, A's within the range and D's equal to
 * its minimum; every feature names a column of the fused view and its bins fit the column (see
 * {@link FeatureFile}).
 */
final class ScorecardFile {
  private static final List<String> LETTERS = List.of("A", "B", "C", "D");

  private ScorecardFile() {}

  /**
   * Resolves the file into a scorecard.
   *
   * @param doc the document, valid against the schema
   * @param stem the file's name without extension, which the model must be called
   * @param version the hex SHA-256 of the file's bytes
   * @param columns the fused view's columns, by name
   * @return the scorecard, or empty if a cross-check failed (each failure recorded in {@code
   *     problems})
   */
  static Optional<Scorecard> read(
      YamlDocument doc,
      String stem,
      String version,
      Map<String, ColumnSpec> columns,
      PolicyProblems problems) {
    int before = problems.count();
    JsonNode root = doc.root();
    String model = root.path("model").asText();
    if (!model.equals(stem)) {
      problems.add(doc.problem("/model", "must be the file's name, " + stem));
    }
    int min = root.path("range").path(0).asInt();
    int max = root.path("range").path(1).asInt();
    if (min >= max) {
      problems.add(doc.problem("/range/1", "must be above range[0], " + min));
    }
    int base = root.path("baseScore").asInt();
    if (base < min || base > max) {
      problems.add(doc.problem("/baseScore", "must lie in the range " + min + "–" + max));
    }
    List<Grade> grades = grades(doc, min, max, problems);
    Map<String, ReasonCode> reasons = reasons(doc);
    List<Feature> features = new ArrayList<>();
    for (Iterator<String> names = root.path("features").fieldNames(); names.hasNext(); ) {
      String name = names.next();
      String pointer = "/features/" + FieldPath.escape(name);
      ColumnSpec column = columns.get(name);
      if (column == null) {
        problems.add(doc.problem(pointer, "no column " + name + " in the fused view (datasets/)"));
        continue;
      }
      new FeatureFile(doc, reasons, problems).read(pointer, column).ifPresent(features::add);
    }
    if (problems.count() != before) {
      return Optional.empty();
    }
    return Optional.of(
        new Scorecard(
            model,
            root.path("description").asText(""),
            version,
            base,
            new ScoreRange(min, max),
            grades,
            features,
            reasons));
  }

  private static List<Grade> grades(YamlDocument doc, int min, int max, PolicyProblems problems) {
    List<Grade> grades = new ArrayList<>();
    for (String letter : LETTERS) {
      JsonNode node = doc.at("/grades/" + letter);
      Grade grade =
          new Grade(
              letter, node.path("zh").asText(), node.path("en").asText(), node.path("min").asInt());
      String at = "/grades/" + letter + "/min";
      if (!grades.isEmpty() && grade.minScore() >= grades.get(grades.size() - 1).minScore()) {
        Grade above = grades.get(grades.size() - 1);
        problems.add(
            doc.problem(
                at, "must be below grade " + above.letter() + "'s minimum, " + above.minScore()));
      }
      if (letter.equals("A") && grade.minScore() > max) {
        problems.add(doc.problem(at, "must be at most the range's maximum, " + max));
      }
      if (letter.equals("D") && grade.minScore() != min) {
        problems.add(
            doc.problem(
                at, "must be the range's minimum, " + min + ", so every score has a grade"));
      }
      grades.add(grade);
    }
    return grades;
  }

  private static Map<String, ReasonCode> reasons(YamlDocument doc) {
    Map<String, ReasonCode> reasons = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.at("/reasons").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      reasons.put(
          e.getKey(),
          new ReasonCode(
              e.getKey(), e.getValue().path("zh").asText(), e.getValue().path("en").asText()));
    }
    return reasons;
  }
}
