package dev.safehouse.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.common.DatasetId;
import dev.safehouse.policy.CsvReader;
import dev.safehouse.policy.DatasetSchema;
import dev.safehouse.policy.DatasetSchemas;
import dev.safehouse.policy.RowValidator;
import dev.safehouse.policy.RowViolation;
import dev.safehouse.policy.TypedRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCreditDataTest {
  private static final int ENTITIES = 4000;
  private static final DatasetSchemas SCHEMAS = DatasetSchemas.load(Path.of("policies"));

  @TempDir static Path dir;
  static SyntheticCreditData.Counts counts;

  @BeforeAll
  static void generate() throws IOException {
    counts = SyntheticCreditData.write(dir.resolve("a"), ENTITIES, 7);
  }

  /** Reads a file through the real CSV reader and validator; fails on any violation. */
  private static List<Object[]> rows(String dataset) throws IOException {
    DatasetSchema schema = SCHEMAS.find(DatasetId.parse(dataset)).orElseThrow();
    RowValidator validator = new RowValidator(schema);
    List<Object[]> rows = new ArrayList<>();
    List<RowViolation> violations = new ArrayList<>();
    try (CsvReader csv =
        new CsvReader(Files.newInputStream(dir.resolve("a").resolve(dataset + ".csv")))) {
      assertThat(csv.next()).isTrue();
      assertThat(validator.checkHeader(csv.fields())).isNull();
      TypedRows row = new TypedRows(schema, 1);
      while (csv.next()) {
        validator.validate(csv.recordNumber() - 1, csv, row, violations);
        Object[] out = new Object[row.columnCount()];
        for (int i = 0; i < out.length; i++) {
          out[i] = row.value(0, i);
        }
        row.clear();
        rows.add(out);
      }
    }
    assertThat(violations).as(dataset).isEmpty();
    return rows;
  }

  @Test
  void everyFile_passesItsSchema_withRealisticCoverage() throws IOException {
    assertThat(rows("public-credit")).hasSize(ENTITIES);
    assertThat(rows("market-credit")).hasSize(counts.marketRows());
    assertThat(rows("financial-credit")).hasSize(counts.financialRows());
    assertThat(counts.marketRows() / (double) ENTITIES).isBetween(0.82, 0.88);
    assertThat(counts.financialRows() / (double) ENTITIES).isBetween(0.72, 0.78);
  }

  @Test
  void dishonestDebtors_haveMoreOverdueLoansAndBadDebt() throws IOException {
    Map<String, Boolean> dishonest = new HashMap<>();
    for (Object[] row : rows("public-credit")) {
      dishonest.put((String) row[0], (Boolean) row[6]);
    }
    long listed = dishonest.values().stream().filter(b -> b).count();
    assertThat(listed / (double) ENTITIES).isBetween(0.01, 0.06);
    double[] overdue = new double[2];
    double[] badDebt = new double[2];
    int[] n = new int[2];
    for (Object[] row : rows("financial-credit")) {
      int group = dishonest.get((String) row[0]) ? 1 : 0;
      overdue[group] += (Long) row[4];
      badDebt[group] += (Boolean) row[6] ? 1 : 0;
      n[group]++;
    }
    assertThat(overdue[1] / n[1]).isGreaterThan(2 * overdue[0] / n[0]);
    assertThat(badDebt[1] / n[1]).isGreaterThan(2 * badDebt[0] / n[0]);
  }

  @Test
  void sameSeed_sameBytes_otherSeed_otherData() throws IOException {
    SyntheticCreditData.write(dir.resolve("b"), ENTITIES, 7);
    SyntheticCreditData.write(dir.resolve("c"), ENTITIES, 8);
    for (String file : List.of("public-credit.csv", "market-credit.csv", "financial-credit.csv")) {
      assertThat(Files.mismatch(dir.resolve("a").resolve(file), dir.resolve("b").resolve(file)))
          .isEqualTo(-1);
      assertThat(Files.mismatch(dir.resolve("a").resolve(file), dir.resolve("c").resolve(file)))
          .isNotEqualTo(-1);
    }
  }
}
