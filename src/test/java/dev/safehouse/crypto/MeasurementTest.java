package dev.safehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MeasurementTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.safehouse.testing.TestSuite#all")
  void of_sameFilesElsewhere_sameValue_anyChange_otherValue(CryptoSuite suite, @TempDir Path dir)
      throws Exception {
    Path a = Files.createDirectories(dir.resolve("a/lib"));
    Path b = Files.createDirectories(dir.resolve("b/lib"));
    for (Path lib : new Path[] {a, b}) {
      Files.writeString(lib.resolve("x.jar"), "code x");
      Files.writeString(lib.resolve("y.jar"), "code y");
    }
    Measurement first = Measurement.of(suite, a + File.separator + "*", "p1");
    assertThat(Measurement.of(suite, b + File.separator + "*", "p1")).isEqualTo(first);
    assertThat(Measurement.of(suite, b + File.separator + "*", "p2").value())
        .isNotEqualTo(first.value());
    Files.writeString(b.resolve("y.jar"), "code Y");
    assertThat(Measurement.of(suite, b + File.separator + "*", "p1").codeHash())
        .isNotEqualTo(first.codeHash());
  }

  @org.junit.jupiter.api.Test
  void of_theTwoSuites_measureTheSameFilesDifferently(@TempDir Path dir) throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Files.writeString(lib.resolve("x.jar"), "code x");
    String classPath = lib + File.separator + "*";

    assertThat(Measurement.of(CryptoSuite.SM, classPath, "p1").value())
        .isNotEqualTo(Measurement.of(CryptoSuite.INTL, classPath, "p1").value());
  }
}
