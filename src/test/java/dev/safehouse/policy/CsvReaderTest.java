package dev.safehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private static List<String[]> read(String text) throws IOException {
    List<String[]> records = new ArrayList<>();
    try (CsvReader csv =
        new CsvReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      while (csv.next()) {
        records.add(csv.fields());
      }
    }
    return records;
  }

  @Test
  void next_plainQuotedAndEmptyFields_withLfAndCrlf() throws IOException {
    List<String[]> records = read("a,b,c\r\n1,\"x, \"\"y\"\"\",\n\"\",2,3");
    assertThat(records).hasSize(3);
    assertThat(records.get(0)).containsExactly("a", "b", "c");
    assertThat(records.get(1)).containsExactly("1", "x, \"y\"", "");
    assertThat(records.get(2)).containsExactly("", "2", "3");
  }

  @Test
  void next_quotedFieldMaySpanLines() throws IOException {
    assertThat(read("\"two\nlines\",x\n").get(0)).containsExactly("two\nlines", "x");
  }

  @Test
  void next_brokenQuoting_failsNamingTheRecordNotTheText() {
    for (String bad :
        new String[] {"ok\n\"SECRET-42", "ok\nab\"SECRET-42\"", "ok\n\"SECRET-42\"x,1"}) {
      assertThatThrownBy(() -> read(bad))
          .isInstanceOf(CsvReader.CsvFormatException.class)
          .hasMessageStartingWith("record 2: ")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET"));
    }
  }

  @Test
  void next_recordsAcrossBlockBoundaries_areReadWhole() throws IOException {
    // Fields of many lengths, quoted with doubled quotes, so that records straddle every position
    // of the 1 MiB blocks the reader works in; one record is longer than a block.
    StringBuilder text = new StringBuilder();
    List<String[]> expected = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      String plain = "v".repeat(i % 97);
      String quoted = "q\"" + "w".repeat(i % 13) + "\"\n";
      text.append(i)
          .append(',')
          .append(plain)
          .append(",\"")
          .append(quoted.replace("\"", "\"\""))
          .append("\"")
          .append(i % 2 == 0 ? "\n" : "\r\n");
      expected.add(new String[] {Integer.toString(i), plain, quoted});
    }
    String huge = "h".repeat(1_500_000);
    text.append("x,").append(huge).append(",y");
    expected.add(new String[] {"x", huge, "y"});
    List<String[]> records = read(text.toString());
    assertThat(records).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(records.get(i)).as("record %d", i + 1).containsExactly(expected.get(i));
    }
  }

  @Test
  void next_emptyInputAndTrailingTerminators() throws IOException {
    assertThat(read("")).isEmpty();
    assertThat(read("a\r")).hasSize(1);
    assertThat(read("a\n\n").get(1)).containsExactly("");
    assertThat(read("\"a\"\"\""))
        .singleElement()
        .satisfies(r -> assertThat(r).containsExactly("a\""));
  }

  @Test
  void next_recordLongerThanTheLimit_isRefusedNotBuffered() {
    String text = "a\n" + "z".repeat(CsvReader.MAX_RECORD_BYTES + 1);
    assertThatThrownBy(() -> read(text))
        .isInstanceOf(CsvReader.CsvFormatException.class)
        .hasMessage("record 2: longer than 4 MiB");
  }

  @Test
  void next_loneCarriageReturn_isRefused() {
    assertThatThrownBy(() -> read("a\rb\n"))
        .isInstanceOf(CsvReader.CsvFormatException.class)
        .hasMessageContaining("carriage return");
  }
}
