package dev.safehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevKeyGuardTest {
  private static final Path KEYS_DEV = Path.of("keys-dev");

  @Test
  void shippedFingerprints_matchEveryFileInKeysDev() throws IOException {
    Set<String> expected = new TreeSet<>();
    for (Path dir : List.of(KEYS_DEV, KEYS_DEV.resolve("sm"))) {
      try (DirectoryStream<Path> pems = Files.newDirectoryStream(dir, "*.{pem,json,pub}")) {
        for (Path pem : pems) {
          expected.add(DevKeyGuard.fingerprint(Files.readString(pem)));
        }
      }
    }
    assertThat(expected).as("keys-dev key files (intl and sm)").hasSize(7);
    String shipped =
        new String(
            DevKeyGuard.class.getResourceAsStream(DevKeyGuard.FINGERPRINTS_RESOURCE).readAllBytes(),
            StandardCharsets.UTF_8);
    Set<String> listed = new TreeSet<>();
    shipped
        .lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .forEach(l -> listed.add(l.split("\\s+")[0]));
    assertThat(listed)
        .as("dev-key-fingerprints.txt is stale: run keys-dev/regenerate.sh")
        .isEqualTo(expected);
  }

  @Test
  void offendingSettings_pathIntoKeysDev_isReported() {
    List<String> offending =
        guard()
            .offendingSettings(
                List.of("mp.jwt.verify.publickey.location", "quarkus.http.port"),
                values(
                    Map.of(
                        "mp.jwt.verify.publickey.location",
                            "/opt/app/keys-dev/token-signing.public.pem",
                        "quarkus.http.port", "8080")));
    assertThat(offending).containsExactly("mp.jwt.verify.publickey.location");
  }

  @Test
  void offendingSettings_copyOfDevKeyElsewhere_isReported(@TempDir Path dir) throws IOException {
    Path copy = dir.resolve("innocent-name.pem");
    // Re-wrapped with CRLF line ends: still the same key material.
    Files.writeString(
        copy, Files.readString(KEYS_DEV.resolve("token-signing.public.pem")).replace("\n", "\r\n"));
    List<String> offending =
        guard().offendingSettings(List.of("key.file"), values(Map.of("key.file", copy.toString())));
    assertThat(offending).containsExactly("key.file");
  }

  @Test
  void offendingSettings_copyOfSmDevPlatformKeyElsewhere_isReported(@TempDir Path dir)
      throws IOException {
    Path copy = dir.resolve("platform.pem");
    Files.copy(KEYS_DEV.resolve("sm/platform-signing.pem"), copy);
    String pub = Files.readString(KEYS_DEV.resolve("sm/platform-signing.pub")).strip();
    List<String> offending =
        guard()
            .offendingSettings(
                List.of("safehouse.enclave.platform-key-file", "copy.file", "inline.pub"),
                values(
                    Map.of(
                        "safehouse.enclave.platform-key-file",
                        "keys-dev/sm/platform-signing.pem",
                        "copy.file",
                        copy.toString(),
                        "inline.pub",
                        pub)));
    assertThat(offending)
        .containsExactly("copy.file", "inline.pub", "safehouse.enclave.platform-key-file");
  }

  @Test
  void offendingSettings_inlineDevKeyBody_isReported() throws IOException {
    String body =
        Files.readString(KEYS_DEV.resolve("token-signing.public.pem"))
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s+", "");
    List<String> offending =
        guard()
            .offendingSettings(
                List.of("mp.jwt.verify.publickey"),
                values(Map.of("mp.jwt.verify.publickey", body)));
    assertThat(offending).containsExactly("mp.jwt.verify.publickey");
  }

  @Test
  void offendingSettings_productionKeyAndInactiveProfileEntries_areNotReported(@TempDir Path dir)
      throws IOException {
    Path prodKey = dir.resolve("prod.pem");
    Files.writeString(
        prodKey,
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----\n");
    List<String> offending =
        guard()
            .offendingSettings(
                List.of("key.file", "%dev.mp.jwt.verify.publickey.location"),
                values(
                    Map.of(
                        "key.file",
                        prodKey.toString(),
                        "%dev.mp.jwt.verify.publickey.location",
                        "keys-dev/token-signing.public.pem")));
    assertThat(offending).isEmpty();
  }

  @Test
  void offendingSettings_localKmsUriOnTheDevMasterKeyset_isReported(@TempDir Path dir)
      throws IOException {
    Path copy = dir.resolve("master.json");
    Files.copy(KEYS_DEV.resolve("master-keyset.json"), copy);
    Path own = dir.resolve("own.json");
    Files.writeString(own, "{\"primaryKeyId\":1}");
    List<String> offending =
        guard()
            .offendingSettings(
                List.of("a.uri", "b.uri", "c.uri"),
                values(
                    Map.of(
                        "a.uri", "local-kms://keys-dev/master-keyset.json",
                        "b.uri", "local-kms://" + copy,
                        "c.uri", "local-kms://" + own)));
    assertThat(offending).containsExactly("a.uri", "b.uri");
  }

  @Test
  void offendingSettings_reportsNamesNeverValues() {
    List<String> offending =
        guard()
            .offendingSettings(
                List.of("b.key", "a.key"),
                values(Map.of("a.key", "keys-dev/x.pem", "b.key", "file:keys-dev/y.pem")));
    assertThat(offending).containsExactly("a.key", "b.key");
  }

  private static DevKeyGuard guard() {
    return DevKeyGuard.fromShippedFingerprints();
  }

  private static java.util.function.Function<String, Optional<String>> values(
      Map<String, String> map) {
    Map<String, String> copy = new TreeMap<>(map);
    return name -> Optional.ofNullable(copy.get(name));
  }
}
