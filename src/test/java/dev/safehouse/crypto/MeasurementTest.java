package dev.safehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurementTest {
  @Test
  void of_sameFilesElsewhere_sameValue_anyChange_otherValue(@TempDir Path dir) throws Exception {
    Path a = Files.createDirectories(dir.resolve("a/lib"));
    Path b = Files.createDirectories(dir.resolve("b/lib"));
    for (Path lib : new Path[] {a, b}) {
      Files.writeString(lib.resolve("x.jar"), "code x");
      Files.writeString(lib.resolve("y.jar"), "code y");
    }
    Measurement first = Measurement.of(a + File.separator + "*", "p1");
    assertThat(Measurement.of(b + File.separator + "*", "p1")).isEqualTo(first);
    assertThat(Measurement.of(b + File.separator + "*", "p2").value()).isNotEqualTo(first.value());
    Files.writeString(b.resolve("y.jar"), "code Y");
    assertThat(Measurement.of(b + File.separator + "*", "p1").codeHash())
        .isNotEqualTo(first.codeHash());
  }
}
