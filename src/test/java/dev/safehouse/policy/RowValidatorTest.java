package dev.safehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.common.DatasetId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowValidatorTest {
  private static final DatasetSchema PUBLIC =
      DatasetSchemas.load(Path.of("policies")).find(DatasetId.parse("public-credit")).orElseThrow();
  private static final String[] GOOD = {
    "91350100M000100Y43", "350100", "C", "500.5", "2010", "0", "false", "false", "A", "B", ""
  };

  private static List<RowViolation> check(RowValidator validator, String... cells) {
    List<RowViolation> violations = new ArrayList<>();
    validate(validator, cells, new TypedRows(PUBLIC, 1), violations);
    return violations;
  }

  /** Writes the cells as one CSV record (every cell quoted) and validates it as read back. */
  private static boolean validate(
      RowValidator validator, String[] cells, TypedRows out, List<RowViolation> violations) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      line.append(i == 0 ? "" : ",").append('"').append(cells[i].replace("\"", "\"\"")).append('"');
    }
    try (CsvReader csv =
        new CsvReader(new ByteArrayInputStream(line.toString().getBytes(StandardCharsets.UTF_8)))) {
      assertThat(csv.next()).isTrue();
      return validator.validate(1, csv, out, violations);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object[] values(TypedRows row) {
    Object[] values = new Object[row.columnCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.value(0, i);
    }
    return values;
  }

  private static String[] with(int column, String value) {
    String[] row = GOOD.clone();
    row[column] = value;
    return row;
  }

  @Test
  void validate_goodRow_typesEveryCell() {
    TypedRows out = new TypedRows(PUBLIC, 1);
    List<RowViolation> violations = new ArrayList<>();
    String[] messy = with(0, " 91350100m000100y43 ");
    assertThat(validate(new RowValidator(PUBLIC), messy, out, violations)).isTrue();
    assertThat(violations).isEmpty();
    assertThat(values(out))
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

  @Test
  void validate_asciiFastPathAndTextPath_agreeOnEveryValue() {
    // Each pair: a plain ASCII spelling (fast path) and one that needs decoding (full-width or
    // non-ASCII whitespace) or Java's own parsers; both must give the same typed value.
    Object[][] cases = {
      {0, "91350100M000100Y43", "\u3000９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"},
      {3, "500.25", "5.0025e2", 500.25},
      {3, "0.1", "\u30000.1", 0.1},
      {3, "-0", "-0.0e0", -0.0},
      {3, "9876543.21012345", "9876543.21012345\u3000", 9876543.21012345},
      {4, "+2010", "\u30002010", 2010L},
      {6, "TRUE", "\u3000true", true},
      {6, "0", "\u3000False", false},
      {10, "AA", "\u3000AA", "AA"},
    };
    for (Object[] c : cases) {
      int column = (int) c[0];
      TypedRows fast = new TypedRows(PUBLIC, 1);
      TypedRows text = new TypedRows(PUBLIC, 1);
      List<RowViolation> violations = new ArrayList<>();
      boolean fastValid =
          validate(new RowValidator(PUBLIC), with(column, (String) c[1]), fast, violations);
      boolean textValid =
          validate(new RowValidator(PUBLIC), with(column, (String) c[2]), text, violations);
      assertThat(violations).as("%s / %s", c[1], c[2]).isEmpty();
      assertThat(fastValid && textValid).isTrue();
      assertThat(fast.value(0, column)).isEqualTo(c[3]).isEqualTo(text.value(0, column));
    }
  }

  @Test
  void validate_decimals_matchDoubleParseDoubleExactly() {
    Random random = new Random(42);
    for (int n = 0; n < 20_000; n++) {
      int whole = random.nextInt(10_000_000);
      int scale = random.nextInt(9);
      String digits = Long.toString(Math.abs(random.nextLong()) % 1_000_000_000L);
      String text =
          scale == 0
              ? Integer.toString(whole)
              : whole + "." + digits.substring(0, Math.min(scale, digits.length()));
      TypedRows out = new TypedRows(PUBLIC, 1);
      List<RowViolation> violations = new ArrayList<>();
      validate(new RowValidator(PUBLIC), with(3, text), out, violations);
      if (Double.parseDouble(text) > 10_000_000) {
        continue;
      }
      assertThat(violations).as(text).isEmpty();
      assertThat(Double.doubleToRawLongBits(out.doubleValue(0, 3)))
          .as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
  }

  @Test
  void validate_malformedUtf8_isRefusedWithoutEchoingIt() throws IOException {
    byte[] line =
        "\"91350100M000100Y43\",\"35\u00ff0100\",C,1,2010,0,false,false,A,B,"
            .getBytes(StandardCharsets.ISO_8859_1);
    try (CsvReader csv = new CsvReader(new ByteArrayInputStream(line))) {
      assertThat(csv.next()).isTrue();
      List<RowViolation> violations = new ArrayList<>();
      assertThat(new RowValidator(PUBLIC).validate(1, csv, new TypedRows(PUBLIC, 1), violations))
          .isFalse();
      assertThat(violations)
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.column()).isEqualTo("region_code");
                assertThat(v.reason()).isEqualTo("not valid UTF-8 text");
              });
    }
  }
}
