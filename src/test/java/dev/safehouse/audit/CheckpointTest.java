package dev.safehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.crypto.SigningKey;
import dev.safehouse.crypto.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** C2SP checkpoints and signed notes: round trips, the Go reference example, every refusal. */
class CheckpointTest {
  private static final String ORIGIN = "safehouse.example/audit";
  private static final String KEY_NAME = "safehouse.example/audit";
  private static final LeafHash ROOT = MerkleHasher.sha256().leaf(new byte[] {42});

  /** golang.org/x/mod/sumdb/note, note_test.go / example_test.go. */
  private static final String GO_VKEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

  private static final String GO_TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  private static final String GO_NOTE =
      GO_TEXT
          + "\n"
          + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

  private static SigningKey key;
  private static SigningKey otherKey;
  private static String signed;

  @BeforeAll
  static void keys() {
    key = SigningKey.generate();
    otherKey = SigningKey.generate();
    signed = new Checkpoint(ORIGIN, 1234, ROOT).sign(KEY_NAME, key);
  }

  private static Checkpoint parse(String note) {
    return SignedCheckpoint.parse(note, KEY_NAME, key.verificationKey());
  }

  private static String sigLine(String note) {
    return note.substring(note.lastIndexOf("\n\n") + 2);
  }

  @Test
  void signAndParse_roundTrip() {
    String b64 = Base64.getEncoder().encodeToString(ROOT.bytes());
    assertThat(signed).startsWith(ORIGIN + "\n1234\n" + b64 + "\n\n\u2014 " + KEY_NAME + " ");
    assertThat(signed).endsWith("\n");
    Checkpoint parsed = parse(signed);
    assertThat(parsed).isEqualTo(new Checkpoint(ORIGIN, 1234, ROOT));
    assertThat(new String(parsed.body(), StandardCharsets.UTF_8))
        .isEqualTo(ORIGIN + "\n1234\n" + b64 + "\n");
    // 4-byte key hash + 64-byte Ed25519 signature
    String encoded = sigLine(signed).split(" ")[2].strip();
    assertThat(Base64.getDecoder().decode(encoded)).hasSize(68);
  }

  @Test
  void extensionsAndEmptyTree_roundTrip() {
    Checkpoint withExtensions =
        new Checkpoint(ORIGIN, 0, MerkleHasher.sha256().emptyRoot(), List.of("ext one", "ext two"));
    assertThat(parse(withExtensions.sign(KEY_NAME, key))).isEqualTo(withExtensions);
  }

  @Test
  void goReferenceNote_verifiesWithItsKeyHash() {
    NoteVerifier verifier = NoteVerifier.fromVerifierKey(GO_VKEY);
    assertThat(verifier.keyName()).isEqualTo("PeterNeumann");
    assertThat(HexFormat.of().toHexDigits(verifier.keyHash())).isEqualTo("c74f20a3");
    assertThat(verifier.verifierKey()).isEqualTo(GO_VKEY);
    assertThat(SignedNote.open(GO_NOTE, verifier)).isEqualTo(GO_TEXT);
    assertThatThrownBy(() -> SignedNote.open(GO_NOTE.replace("problem,", "problem;"), verifier))
        .isInstanceOf(NoteException.class)
        .hasMessage("the signature by key PeterNeumann does not verify");
  }

  @Test
  void verifierKey_manglings_areRefused() {
    assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(GO_VKEY.replace("c74f20a3", "c74f20a4")))
        .hasMessage("the verifier key's hash does not match its name and key");
    assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(GO_VKEY.replace("+ARpc", "+ZRpc")))
        .isInstanceOf(NoteException.class);
    assertThatThrownBy(() -> NoteVerifier.fromVerifierKey("PeterNeumann+c74f20a3"))
        .isInstanceOf(NoteException.class);
    assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(GO_VKEY + "=="))
        .isInstanceOf(NoteException.class);
  }

  @Test
  void keyHash_isSha256OfNameNewlineTypeAndKey() throws Exception {
    VerificationKey pub = key.verificationKey();
    var sha = java.security.MessageDigest.getInstance("SHA-256");
    sha.update("log.example".getBytes(StandardCharsets.UTF_8));
    sha.update(new byte[] {0x0a, 0x01});
    byte[] digest = sha.digest(pub.rawPublicKey());
    NoteVerifier verifier = NoteVerifier.ed25519("log.example", pub);
    assertThat(HexFormat.of().toHexDigits(verifier.keyHash()))
        .isEqualTo(HexFormat.of().formatHex(digest, 0, 4));
    assertThat(NoteSigner.ed25519("log.example", key).keyHash()).isEqualTo(verifier.keyHash());
    assertThat(NoteVerifier.fromVerifierKey(verifier.verifierKey()).keyHash())
        .isEqualTo(verifier.keyHash());
  }

  @Test
  void verifierKey_withPlusInItsBase64_roundTrips() {
    int withPlus = 0;
    for (int i = 0; i < 24; i++) {
      NoteVerifier verifier = NoteVerifier.ed25519("log", SigningKey.generate().verificationKey());
      String text = verifier.verifierKey();
      withPlus += text.substring("log+12345678+".length()).contains("+") ? 1 : 0;
      assertThat(NoteVerifier.fromVerifierKey(text).keyHash()).isEqualTo(verifier.keyHash());
    }
    assertThat(withPlus).isPositive();
  }

  @Test
  void signatureByAnotherKey_isRefused() {
    String byOther = new Checkpoint(ORIGIN, 1234, ROOT).sign(KEY_NAME, otherKey);
    assertThatThrownBy(() -> parse(byOther))
        .isInstanceOf(NoteException.class)
        .hasMessageStartingWith("the note has no signature by key " + KEY_NAME + " with key hash ");
    // Same key hash and name, signature of another key: relabel the other key's signature.
    byte[] theirs = Base64.getDecoder().decode(sigLine(byOther).split(" ")[2].strip());
    byte[] ours = Base64.getDecoder().decode(sigLine(signed).split(" ")[2].strip());
    System.arraycopy(ours, 0, theirs, 0, 4);
    String forged =
        signed.substring(0, signed.lastIndexOf("\n\n") + 2)
            + "\u2014 "
            + KEY_NAME
            + " "
            + Base64.getEncoder().encodeToString(theirs)
            + "\n";
    assertThatThrownBy(() -> parse(forged))
        .hasMessage("the signature by key " + KEY_NAME + " does not verify");
  }

  @Test
  void alteredBody_isRefused() {
    assertThatThrownBy(() -> parse(signed.replace("\n1234\n", "\n1235\n")))
        .hasMessage("the signature by key " + KEY_NAME + " does not verify");
    assertThatThrownBy(() -> parse(signed.replace(ORIGIN + "\n", ORIGIN + "x\n")))
        .hasMessage("the signature by key " + KEY_NAME + " does not verify");
  }

  @Test
  void otherSignatureLines_areIgnoredButDuplicatesRefused() {
    String cosigned =
        signed + sigLine(new Checkpoint(ORIGIN, 1234, ROOT).sign("witness", otherKey));
    assertThat(parse(cosigned).size()).isEqualTo(1234);
    assertThatThrownBy(() -> parse(signed + sigLine(signed)))
        .hasMessage("the note has two signatures by key " + KEY_NAME);
  }

  @Test
  void malformedNotes_areRefused() {
    String body = signed.substring(0, signed.lastIndexOf("\n\n") + 1);
    String sig = sigLine(signed);
    assertRefused(body + sig, "the note has no blank line before its signatures");
    assertRefused(body + "\n", "the note's signature lines do not end with a newline");
    assertRefused(
        body + "\n" + sig.strip(), "the note's signature lines do not end with a newline");
    assertRefused(
        body + "\n" + sig.replace("\u2014", "-"),
        "signature line 1 is not '— <key name> <base64>'");
    assertRefused(
        body + "\n" + sig.replace("=\n", "\n"), "signature line 1 is not '— <key name> <base64>'");
    assertRefused(
        body + "\n" + sig.replace(" ", "  "), "signature line 1 is not '— <key name> <base64>'");
    assertRefused(
        body + "\n\u2014 " + KEY_NAME + " AAAA\n",
        "signature line 1 is shorter than a key hash and a signature");
    assertRefused(
        body + "\n" + sig + "\u2014 x +++\n", "signature line 2 is not '— <key name> <base64>'");
    assertRefused(
        signed.replace("1234", "12\t34"), "the note holds a control character other than newline");
    assertRefused(
        signed + "\u2014 x AAAAAAAA\n".repeat(100), "the note has more than 100 signatures");
    assertRefused("x".repeat(SignedNote.MAX_NOTE_BYTES) + signed, "the note is larger than 1 MiB");
  }

  @Test
  void malformedBodies_areRefused() {
    String b64 = Base64.getEncoder().encodeToString(ROOT.bytes());
    assertBodyRefused(
        ORIGIN + "\n0012\n" + b64 + "\n",
        "the tree size is not a decimal number without leading zeros");
    assertBodyRefused(
        ORIGIN + "\n-1\n" + b64 + "\n",
        "the tree size is not a decimal number without leading zeros");
    assertBodyRefused(
        ORIGIN + "\n+1\n" + b64 + "\n",
        "the tree size is not a decimal number without leading zeros");
    assertBodyRefused(
        ORIGIN + "\n1e3\n" + b64 + "\n",
        "the tree size is not a decimal number without leading zeros");
    assertBodyRefused(
        ORIGIN + "\n99999999999999999999\n" + b64 + "\n",
        "the tree size is not a decimal number without leading zeros");
    assertBodyRefused(
        ORIGIN + "\n9999999999999999999\n" + b64 + "\n", "the tree size is too large");
    String short31 = Base64.getEncoder().encodeToString(new byte[31]);
    assertBodyRefused(
        ORIGIN + "\n12\n" + short31 + "\n", "the root hash is not base64 of 32 bytes");
    assertBodyRefused(
        ORIGIN + "\n12\n" + b64.replace("=", "") + "\n", "the root hash is not base64 of 32 bytes");
    assertBodyRefused(
        ORIGIN + "\n12\n" + b64 + "\n\next\n", "the checkpoint body has an empty line");
    assertBodyRefused(ORIGIN + "\n12\n", "the checkpoint body has fewer than 3 lines");
    assertBodyRefused("\n12\n" + b64 + "\n", "the checkpoint body has an empty line");
  }

  @Test
  void badKeyNames_areRefused() {
    for (String name : new String[] {"", "a b", "a+b", "a\u00a0b"}) {
      assertThatThrownBy(() -> NoteSigner.ed25519(name, key))
          .as("%s", name)
          .isInstanceOf(NoteException.class);
    }
    assertThatThrownBy(() -> new Checkpoint("", 1, ROOT)).hasMessage("the origin is empty");
    assertThatThrownBy(() -> new Checkpoint("a\nb", 1, ROOT))
        .hasMessage("the origin holds a control character");
    assertThatThrownBy(() -> new Checkpoint(ORIGIN, -1, ROOT))
        .hasMessage("the tree size is not negative");
  }

  private static void assertRefused(String note, String message) {
    assertThatThrownBy(() -> parse(note)).isInstanceOf(NoteException.class).hasMessage(message);
  }

  private static void assertBodyRefused(String body, String message) {
    NoteSigner signer = NoteSigner.ed25519(KEY_NAME, key);
    String note = SignedNote.sign(body, signer);
    assertRefused(note, message);
  }
}
