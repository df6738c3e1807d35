package dev.safehouse.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A credit scorecard over the fused view, as loaded from {@code policies/scoring/<model>.yaml} by
 * {@link Scorecards}: score = {@code baseScore} + the points each feature's value earns, clamped to
 * {@code range}; the grade is the best whose minimum the score reaches; the reasons are those of
 * the bins where the enterprise lost the most points.
 *
 * <p>Evaluation is deterministic integer arithmetic; bin bounds are compared as exact decimals (see
 * {@link RangeBin}).
 *
 * @param model the model's name, a lower-case slug
 * @param description free text, possibly empty
 * @param version the lower-case hex SHA-256 of the file's exact bytes; the file is under {@code
 *     policies/}, so it is also part of the enclave's measurement
 * @param baseScore the score before any feature, within {@code range}
 * @param range the scores given, raw scores being clamped to it
 * @param grades A, B, C and D in that order, minimum scores strictly decreasing, D's equal to the
 *     range's minimum so that every score has a grade
 * @param features the features, in file order (which breaks ties between reasons)
 * @param reasons the reason catalogue, by code; every reason a bin gives is in it
 */
public record Scorecard(
    String model,
    String description,
    String version,
    int baseScore,
    ScoreRange range,
    List<Grade> grades,
    List<Feature> features,
    Map<String, ReasonCode> reasons) {
  /** The most reason codes a result lists. */
  public static final int MAX_REASONS = 4;

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final List<String> LETTERS = List.of("A", "B", "C", "D");

  /**
   * Validates the model's invariants (the loader reports the same with positions first).
   *
   * @throws IllegalArgumentException if any invariant above does not hold, two features name the
   *     same column, or a bin gives a reason not in the catalogue
   */
  public Scorecard {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(range, "range");
    grades = List.copyOf(grades);
    features = List.copyOf(features);
    reasons = Map.copyOf(reasons);
    if (version == null || !SHA256_HEX.matcher(version).matches()) {
      throw new IllegalArgumentException("the version is a lower-case hex SHA-256");
    }
    if (!range.contains(baseScore)) {
      throw new IllegalArgumentException("the base score lies outside the range");
    }
    if (!grades.stream().map(Grade::letter).toList().equals(LETTERS)) {
      throw new IllegalArgumentException("grades are A, B, C and D, in that order");
    }
    for (int i = 1; i < grades.size(); i++) {
      if (grades.get(i).minScore() >= grades.get(i - 1).minScore()) {
        throw new IllegalArgumentException("grade minimums must strictly decrease from A to D");
      }
    }
    if (grades.get(0).minScore() > range.max() || grades.get(3).minScore() != range.min()) {
      throw new IllegalArgumentException("grade minimums must lie in the range, D's at its min");
    }
    Set<String> columns = new HashSet<>();
    for (Feature feature : features) {
      if (!columns.add(feature.column())) {
        throw new IllegalArgumentException("two features score " + feature.column());
      }
      checkReasons(feature, reasons);
    }
  }

  /**
   * Scores one enterprise.
   *
   * <p>Reasons: for each feature, the points lost are the feature's {@link Feature#bestPoints}
   * minus what the enterprise earned there. A bin or missing value that carries a reason and lost
   * points contributes it; a code given by several features (such as {@code NO_FINANCIAL_HISTORY})
   * counts once, with the points lost summed. Codes are ranked by points lost, most first, ties by
   * the order of the first feature giving them; at most {@link #MAX_REASONS} are kept.
   *
   * @param values every feature's column mapped to its value as DuckDB returns it ({@code String},
   *     {@code Long}, {@code Double}, {@code BigDecimal}, {@code Boolean}), or to null if missing;
   *     other keys are ignored
   * @return the score, grade and reasons
   * @throws IllegalArgumentException naming the column (never a value) if a feature's column is not
   *     a key of {@code values} or its value's type does not fit the feature's bins
   */
  public ScoreResult score(Map<String, Object> values) {
    long total = baseScore;
    Map<ReasonCode, Integer> lost = new LinkedHashMap<>();
    for (Feature feature : features) {
      if (!values.containsKey(feature.column())) {
        throw new IllegalArgumentException("no value given for feature " + feature.column());
      }
      Points points = feature.pointsFor(values.get(feature.column()));
      total += points.value();
      int lostHere = feature.bestPoints() - points.value();
      if (lostHere > 0 && points.reason().isPresent()) {
        lost.merge(points.reason().get(), lostHere, Integer::sum);
      }
    }
    int score = range.clamp(total);
    List<Map.Entry<ReasonCode, Integer>> ranked = new ArrayList<>(lost.entrySet());
    // List.sort is stable: equal losses keep the order of the first feature giving each code.
    ranked.sort(Comparator.comparing(Map.Entry<ReasonCode, Integer>::getValue).reversed());
    List<ReasonCode> top = ranked.stream().limit(MAX_REASONS).map(Map.Entry::getKey).toList();
    return new ScoreResult(score, gradeOf(score), top);
  }

  /** Returns the grade of {@code score}: the first, from A, whose minimum it reaches. */
  public Grade gradeOf(int score) {
    for (Grade grade : grades) {
      if (score >= grade.minScore()) {
        return grade;
      }
    }
    return grades.get(grades.size() - 1);
  }

  private static void checkReasons(Feature feature, Map<String, ReasonCode> catalogue) {
    List<Points> all = new ArrayList<>();
    feature.bins().forEach(b -> all.add(b.points()));
    all.add(feature.missing());
    for (Points points : all) {
      points
          .reason()
          .filter(r -> !r.equals(catalogue.get(r.code())))
          .ifPresent(
              r -> {
                throw new IllegalArgumentException("reason " + r.code() + " is not catalogued");
              });
    }
  }
}
