package dev.safehouse.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.common.DatasetId;
import dev.safehouse.policy.CsvReader;
import dev.safehouse.policy.DatasetSchema;
import dev.safehouse.policy.DatasetSchemas;
import dev.safehouse.policy.RowValidator;
import dev.safehouse.policy.RowViolation;
import dev.safehouse.policy.TypedRows;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The CSV row path ({@link CsvReader} then {@link RowValidator}) on hostile bytes: arbitrary bytes
 * and CSV-shaped soups of quotes, separators, NUL, invalid UTF-8, overlong numbers and planted
 * marker values are either read and validated or refused with {@link CsvReader.CsvFormatException};
 * nothing else is thrown, each input finishes within {@link #BOUND}, and neither the exception
 * message nor any {@link RowViolation} contains a cell's value (the planted marker).
 */
class CsvRowFuzzProperties {
  private static final Duration BOUND = Duration.ofSeconds(3);
  private static final String MARKER = "QZXMARK";
  private static final DatasetSchema PUBLIC =
      DatasetSchemas.load(Path.of("policies")).find(DatasetId.parse("public-credit")).orElseThrow();

  private static final String[] CELLS = {
    "91350100M000100Y43",
    "350100",
    "C",
    "500.5",
    "2010",
    "0",
    "false",
    "true",
    "A",
    "B",
    "",
    "1e999999",
    "-0",
    "NaN",
    "-NaN",
    "Infinity",
    "9".repeat(400),
    "0x10",
    "１２３",
    "\u0000",
    "\uFFFD",
    "\u202E",
    "   ",
    "null",
    "2147483648",
    "-9223372036854775809",
    "1.7976931348623159e308"
  };

  /** Reads every record and validates it, collecting violations; returns the thrown message. */
  private static String readAndValidate(byte[] bytes, List<RowViolation> violations)
      throws IOException {
    RowValidator validator = new RowValidator(PUBLIC);
    long start = System.nanoTime();
    String failure = null;
    try (CsvReader csv = new CsvReader(new ByteArrayInputStream(bytes))) {
      boolean header = true;
      long row = 0;
      while (csv.next()) {
        if (header) {
          RowViolation violation = validator.checkHeader(csv.fields());
          if (violation != null) {
            violations.add(violation);
          }
          header = false;
          continue;
        }
        validator.validate(++row, csv, new TypedRows(PUBLIC, 1), violations);
      }
    } catch (CsvReader.CsvFormatException e) {
      failure = e.getMessage();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    return failure;
  }

  private static void assertNoEcho(String failure, List<RowViolation> violations) {
    if (failure != null) {
      assertThat(failure).startsWith("record ").doesNotContain(MARKER);
    }
    for (RowViolation violation : violations) {
      assertThat(violation.toString()).doesNotContain(MARKER);
    }
  }

  @Property(tries = 400)
  void arbitraryBytes_areReadOrRefusedWithCsvFormatException(@ForAll("bytes") byte[] bytes)
      throws IOException {
    List<RowViolation> violations = new ArrayList<>();
    assertNoEcho(readAndValidate(bytes, violations), violations);
  }

  @Property(tries = 400)
  void csvShapedSoup_neverEchoesACell(@ForAll("soup") byte[] bytes) throws IOException {
    List<RowViolation> violations = new ArrayList<>();
    assertNoEcho(readAndValidate(bytes, violations), violations);
  }

  @Property(tries = 300)
  void schemaShapedRowsWithOneHostileCell_areRefusedWithoutTheValue(
      @ForAll("columns") int column, @ForAll("hostileCells") String cell) throws IOException {
    String[] good = {
      "91350100M000100Y43", "350100", "C", "500.5", "2010", "0", "false", "false", "A", "B", ""
    };
    good[column % good.length] = cell;
    StringBuilder text = new StringBuilder(String.join(",", PUBLIC.columnNames())).append('\n');
    for (int i = 0; i < good.length; i++) {
      text.append(i == 0 ? "" : ",").append('"').append(good[i].replace("\"", "\"\"")).append('"');
    }
    List<RowViolation> violations = new ArrayList<>();
    String failure = readAndValidate(text.toString().getBytes(StandardCharsets.UTF_8), violations);
    assertThat(failure).isNull();
    assertNoEcho(null, violations);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
  }

  @Provide
  Arbitrary<byte[]> soup() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(CELLS),
            Arbitraries.of(",", "\"", "\"\"", "\n", "\r\n", "\r", MARKER + "-cell"),
            Arbitraries.strings().all().ofMaxLength(6));
    Arbitrary<byte[]> invalidUtf8 =
        Arbitraries.of(
            new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
    Arbitrary<byte[]> chunk =
        Arbitraries.frequencyOf(
            Tuple.of(8, piece.map(s -> s.getBytes(StandardCharsets.UTF_8))),
            Tuple.of(1, invalidUtf8));
    return chunk
        .list()
        .ofMaxSize(120)
        .map(
            parts -> {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              out.writeBytes(
                  String.join(",", PUBLIC.columnNames()).getBytes(StandardCharsets.UTF_8));
              out.write('\n');
              parts.forEach(out::writeBytes);
              return out.toByteArray();
            });
  }

  @Provide
  Arbitrary<Integer> columns() {
    return Arbitraries.integers().between(0, 10);
  }

  @Provide
  Arbitrary<String> hostileCells() {
    return Arbitraries.oneOf(
        Arbitraries.of(CELLS).map(c -> MARKER + c),
        Arbitraries.of(CELLS).map(c -> c + MARKER),
        Arbitraries.strings().all().ofMaxLength(20).map(s -> MARKER + s + "\u0000"));
  }
}
