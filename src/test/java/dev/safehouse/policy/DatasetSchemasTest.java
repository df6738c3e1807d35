package dev.safehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.common.DatasetId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSchemasTest {
  private static final String VALID =
      """
      {"dataset":"toy-data","schemaVersion":1,"columns":[
        {"name":"uscc","type":"uscc","class":"identifier"},
        {"name":"score","type":"decimal","class":"metric","min":0,"max":1}]}
      """;

  @Test
  void load_theShippedPolicies_definesTheThreeSources() {
    DatasetSchemas schemas = DatasetSchemas.load(Path.of("policies"));

    assertThat(schemas.all())
        .extracting(s -> s.id().value())
        .containsExactly("financial-credit", "market-credit", "public-credit");
    DatasetSchema pub = schemas.find(DatasetId.parse("public-credit")).orElseThrow();
    assertThat(pub.columnNames())
        .startsWith("uscc", "region_code", "industry")
        .contains("dishonest_debtor");
    assertThat(pub.tableName()).isEqualTo("public_credit");
    assertThat(pub.columns().get(pub.columnNames().indexOf("dishonest_debtor")).columnClass())
        .isEqualTo(ColumnClass.SENSITIVE);
  }

  @Test
  void schemaHash_ignoresFormattingAndDescriptions_butNotRules(@TempDir Path dir)
      throws IOException {
    String a = hashOf(dir.resolve("a"), VALID);
    String b =
        hashOf(
            dir.resolve("b"),
            VALID.replace("\"score\",", "\"score\",\"description\":\"x\",").replace(",", " ,\n "));
    String c = hashOf(dir.resolve("c"), VALID.replace("\"max\":1", "\"max\":2"));
    assertThat(a).hasSize(64).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void load_invalidDefinitions_failNamingFileAndColumn(@TempDir Path dir) throws IOException {
    assertInvalid(
        dir,
        VALID.replace(",\"min\":0,\"max\":1", ""),
        "column score: a metric is numeric with min and max");
    assertInvalid(
        dir,
        VALID.replace("\"min\":0,\"max\":1", "\"min\":2,\"max\":1"),
        "column score: min is above max");
    assertInvalid(
        dir, VALID.replace("\"decimal\"", "\"money\""), "column score: unknown type or class");
    assertInvalid(
        dir, VALID.replace("\"name\":\"score\"", "\"name\":\"uscc\""), "column uscc appears twice");
    assertInvalid(
        dir,
        VALID.replace("\"identifier\"", "\"dimension\""),
        "column uscc: the uscc column, and only it, is the identifier");
    assertInvalid(
        dir,
        VALID.replace(
            "\"decimal\",\"class\":\"metric\",\"min\":0,\"max\":1",
            "\"enum\",\"class\":\"dimension\""),
        "an enum needs its values");
    assertInvalid(dir, VALID.replace("\"dataset\":\"toy-data\",", ""), "missing field 'dataset'");
    assertInvalid(dir, "{not json", "not valid JSON");
  }

  @Test
  void load_emptyDirectory_fails(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("datasets"));
    assertThatThrownBy(() -> DatasetSchemas.load(dir))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("no dataset definitions");
  }

  private static String hashOf(Path policies, String json) throws IOException {
    Files.createDirectories(policies.resolve("datasets"));
    Files.writeString(policies.resolve("datasets/toy.json"), json);
    return DatasetSchemas.load(policies).all().get(0).schemaHash();
  }

  private static void assertInvalid(Path dir, String json, String message) throws IOException {
    Path policies = Files.createTempDirectory(dir, "p");
    Files.createDirectories(policies.resolve("datasets"));
    Files.writeString(policies.resolve("datasets/toy.json"), json);
    assertThatThrownBy(() -> DatasetSchemas.load(policies))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("toy.json: ")
        .hasMessageContaining(message);
  }
}
