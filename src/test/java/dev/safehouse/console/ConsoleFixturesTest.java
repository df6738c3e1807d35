package dev.safehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.audit.Checkpoint;
import dev.safehouse.audit.NoteVerifier;
import dev.safehouse.audit.SignedCheckpoint;
import dev.safehouse.crypto.AttestationDocument;
import dev.safehouse.crypto.AttestationVerifier;
import dev.safehouse.crypto.CryptoSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The console's {@code sm} fixtures ({@code console-tests/fixtures/sm.json}, which the browser code
 * is tested against) were made by {@link SmConsoleFixtures} implementing the wire formats on its
 * own; the production classes must read them as the browser does: the SM2 checkpoint note and its
 * verifier key, and the SM2-signed attestation document v2.
 */
class ConsoleFixturesTest {
  private static JsonNode fixtures() throws Exception {
    return new ObjectMapper().readTree(Files.readString(Path.of("console-tests/fixtures/sm.json")));
  }

  @Test
  void productionNoteVerifier_readsTheFixtureVerifierKey_andOpensItsNote() throws Exception {
    JsonNode note = fixtures().path("note");
    NoteVerifier fromText = NoteVerifier.fromVerifierKey(note.path("verifierKey").asText());
    NoteVerifier fromKey =
        NoteVerifier.of(
            note.path("keyName").asText(),
            CryptoSuite.SM.verifierFromText(note.path("publicKey").asText()));
    assertThat(fromKey.verifierKey()).isEqualTo(note.path("verifierKey").asText());
    assertThat(HexFormat.of().toHexDigits(fromText.keyHash()))
        .isEqualTo(note.path("keyIdHex").asText());
    Checkpoint checkpoint = SignedCheckpoint.parse(note.path("note").asText(), fromText);
    assertThat(checkpoint.origin()).isEqualTo(note.path("keyName").asText());
  }

  @Test
  void productionAttestationVerifier_acceptsTheFixtureDocument_underItsSm2PlatformKey()
      throws Exception {
    JsonNode attestation = fixtures().path("attestation");
    AttestationDocument document =
        AttestationVerifier.verify(
            new AttestationVerifier.Signed(
                attestation.path("documentBase64").asText(),
                attestation.path("signatureBase64").asText()),
            CryptoSuite.SM.verifierFromText(attestation.path("platformKey").asText()),
            attestation.path("measurement").asText(),
            attestation.path("nonceHex").asText(),
            true);
    assertThat(document.suite()).isEqualTo("sm");
    assertThat(document.signingKey()).isEqualTo(attestation.path("signingKey").asText());
    assertThat(AttestationVerifier.keysOf(document).signingKey().keyId())
        .isEqualTo(attestation.path("signingKeyId").asText());
  }
}
