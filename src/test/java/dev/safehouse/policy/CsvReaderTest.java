package dev.safehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private static List<String[]> read(String text) throws IOException {
    List<String[]> records = new ArrayList<>();
    try (CsvReader csv = new CsvReader(new StringReader(text))) {
      String[] record;
      while ((record = csv.next()) != null) {
        records.add(record);
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
}
