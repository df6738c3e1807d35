package dev.safehouse.scoring;

import dev.safehouse.policy.DatasetSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Policy directories with the shipped dataset schemas and a scorecard under test. */
final class ScoringFixtures {
  static final Path SHIPPED = Path.of("policies");

  /** A small valid scorecard, one bin per line so that cases can name positions. */
  static final String TINY =
      """
      model: tiny
      baseScore: 600
      range: [300, 900]
      grades:
        A: {min: 720, zh: 低风险, en: Low risk}
        B: {min: 650, zh: 一般, en: Moderate risk}
        C: {min: 560, zh: 较高, en: Elevated risk}
        D: {min: 300, zh: 高, en: High risk}
      features:
        max_overdue_days_24m:
          bins:
            - {min: 0, max: 0, points: 40}
            - {min: 1, max: 730, points: -40, reason: OVERDUE_24M}
          missing: {points: -30, reason: NO_FINANCIAL_HISTORY}
        tax_credit_grade:
          bins:
            - {equals: A, points: 30}
            - {equals: D, points: -60, reason: TAX_GRADE_LOW}
          missing: {points: 0}
      reasons:
        OVERDUE_24M: {zh: 近 24 个月存在逾期, en: Overdue in the last 24 months}
        NO_FINANCIAL_HISTORY: {zh: 无金融信用记录, en: No financial credit history}
        TAX_GRADE_LOW: {zh: 纳税信用等级偏低, en: Low tax credit grade}
      """;

  private ScoringFixtures() {}

  /** Returns the shipped dataset schemas. */
  static DatasetSchemas schemas() {
    return DatasetSchemas.load(SHIPPED);
  }

  /** Writes {@code scoring/<model>.yaml} holding {@code yaml} under {@code dir}. */
  static Path write(Path dir, String model, String yaml) throws IOException {
    Path file = dir.resolve("scoring").resolve(model + ".yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  /** Returns a mutable map from column to value; pairs are column, value, column, value, … */
  static Map<String, Object> values(Object... pairs) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }
}
