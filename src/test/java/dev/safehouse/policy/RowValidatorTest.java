package dev.safehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.common.DatasetId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowValidatorTest {
  private static final DatasetSchema PUBLIC =
      DatasetSchemas.load(Path.of("policies")).find(DatasetId.parse("public-credit")).orElseThrow();
  private static final String[] GOOD = {
    "91350100M000100Y43", "350100", "C", "500.5", "2010", "0", "false", "false", "A", "B", ""
  };

  private static List<RowViolation> check(RowValidator validator, String... cells) {
    List<RowViolation> violations = new ArrayList<>();
    validator.validate(1, cells, new Object[PUBLIC.columns().size()], violations);
    return violations;
  }

  private static String[] with(int column, String value) {
    String[] row = GOOD.clone();
    row[column] = value;
    return row;
  }

  @Test
  void validate_goodRow_typesEveryCell() {
    Object[] out = new Object[GOOD.length];
    List<RowViolation> violations = new ArrayList<>();
    String[] messy = with(0, " 91350100m000100y43 ");
    assertThat(new RowValidator(PUBLIC).validate(1, messy, out, violations)).isTrue();
    assertThat(violations).isEmpty();
    assertThat(out)
        .containsExactly(
            "91350100M000100Y43", "350100", "C", 500.5, 2010L, 0L, false, false, "A", "B", null);
  }

  @Test
  void validate_eachKindOfBadCell_namesRowAndColumnButNeverTheValue() {
    String marker = "7777";
    Object[][] cases = {
      {0, "91350100M000100Y44", "uscc", "not a valid unified social credit code"},
      {1, "X" + marker, "region_code", "does not match the column's pattern"},
      {2, "Z" + marker, "industry", "not one of the allowed values"},
      {3, "-1" + marker, "registered_capital", "below the minimum"},
      {4, "19" + marker + "0", "year_established", "above the maximum"},
      {5, "1.5" + marker, "administrative_penalties", "not a whole number"},
      {6, "yes" + marker, "dishonest_debtor", "not a boolean"},
      {8, "", "tax_credit_grade", "a value is required"},
      {3, "NaN", "registered_capital", "not a finite number"},
    };
    for (Object[] c : cases) {
      List<RowViolation> violations =
          check(new RowValidator(PUBLIC), with((int) c[0], (String) c[1]));
      assertThat(violations).as((String) c[2]).hasSize(1);
      RowViolation v = violations.get(0);
      assertThat(v.column()).isEqualTo(c[2]);
      assertThat(v.reason()).startsWith((String) c[3]);
      assertThat(v.toString()).doesNotContain(marker).doesNotContain("91350100M000100Y44");
    }
  }

  @Test
  void validate_duplicateUsccOrWrongFieldCount_isRefused() {
    RowValidator validator = new RowValidator(PUBLIC);
    assertThat(check(validator, GOOD)).isEmpty();
    assertThat(check(validator, GOOD))
        .extracting(RowViolation::reason)
        .containsExactly("the same code appears in an earlier row");
    assertThat(check(validator, "91350100M000100Y43", "350100"))
        .extracting(RowViolation::column)
        .containsExactly("*");
  }

  @Test
  void checkHeader_mustMatchTheSchemaExactly() {
    RowValidator validator = new RowValidator(PUBLIC);
    assertThat(validator.checkHeader(PUBLIC.columnNames().toArray(String[]::new))).isNull();
    assertThat(validator.checkHeader(new String[] {"uscc", "region_code"})).isNotNull();
  }
}
