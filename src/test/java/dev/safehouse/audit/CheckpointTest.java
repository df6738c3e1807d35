package dev.safehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.IntlSuite;
import dev.safehouse.crypto.Signer;
import dev.safehouse.crypto.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * C2SP checkpoints and signed notes: round trips, the Go reference example, every refusal. Tests
 * that sign run once per crypto suite (Ed25519 notes for intl, SM2 notes for sm).
 */
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

  /** One suite's keys and a checkpoint signed with {@code key}. */
  private record Keys(Signer key, Signer otherKey, String signed) {
    Checkpoint parse(String note) {
      return SignedCheckpoint.parse(note, KEY_NAME, key.verifier());
    }
  }

  private static Map<CryptoSuite, Keys> keys;

  @BeforeAll
  static void keys() {
    keys =
        Map.of(CryptoSuite.INTL, keysOf(CryptoSuite.INTL), CryptoSuite.SM, keysOf(CryptoSuite.SM));
  }

  private static Keys keysOf(CryptoSuite suite) {
    Signer key = suite.newSigner();
    return new Keys(key, suite.newSigner(), new Checkpoint(ORIGIN, 1234, ROOT).sign(KEY_NAME, key));
  }

  static Stream<CryptoSuite> suites() {
    return Stream.of(CryptoSuite.INTL, CryptoSuite.SM);
  }

  private static String sigLine(String note) {
    return note.substring(note.lastIndexOf("\n\n") + 2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suites")
  void signAndParse_roundTrip(CryptoSuite suite) {
    Keys k = keys.get(suite);
    String signed = k.signed();
    String b64 = Base64.getEncoder().encodeToString(ROOT.bytes());
    assertThat(signed).startsWith(ORIGIN + "\n1234\n" + b64 + "\n\n\u2014 " + KEY_NAME + " ");
    assertThat(signed).endsWith("\n");
    Checkpoint parsed = k.parse(signed);
    assertThat(parsed).isEqualTo(new Checkpoint(ORIGIN, 1234, ROOT));
    assertThat(new String(parsed.body(), StandardCharsets.UTF_8))
        .isEqualTo(ORIGIN + "\n1234\n" + b64 + "\n");
    String encoded = sigLine(signed).split(" ")[2].strip();
    if (suite == CryptoSuite.INTL) {
      // 4-byte key hash + 64-byte Ed25519 signature
      assertThat(Base64.getDecoder().decode(encoded)).hasSize(68);
    } else {
      // 4-byte key hash + DER SM2 signature (r, s), at most 72 bytes
      assertThat(Base64.getDecoder().decode(encoded).length).isBetween(4 + 8, 4 + 72);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suites")
  void extensionsAndEmptyTree_roundTrip(CryptoSuite suite) {
    Keys k = keys.get(suite);
    Checkpoint withExtensions =
        new Checkpoint(
            ORIGIN, 0, MerkleHasher.forSuite(suite).emptyRoot(), List.of("ext one", "ext two"));
    assertThat(k.parse(withExtensions.sign(KEY_NAME, k.key()))).isEqualTo(withExtensions);
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
    IntlSuite.Signing key = (IntlSuite.Signing) keys.get(CryptoSuite.INTL).key();
    VerificationKey pub = key.key().verificationKey();
    var sha = java.security.MessageDigest.getInstance("SHA-256");
    sha.update("log.example".getBytes(StandardCharsets.UTF_8));
    sha.update(new byte[] {0x0a, 0x01});
    byte[] digest = sha.digest(pub.rawPublicKey());
    NoteVerifier verifier = NoteVerifier.ed25519("log.example", pub);
    assertThat(HexFormat.of().toHexDigits(verifier.keyHash()))
        .isEqualTo(HexFormat.of().formatHex(digest, 0, 4));
    assertThat(NoteSigner.ed25519("log.example", key.key()).keyHash())
        .isEqualTo(verifier.keyHash());
    assertThat(NoteSigner.of("log.example", key).keyHash()).isEqualTo(verifier.keyHash());
    assertThat(NoteVerifier.of("log.example", key.verifier()).keyHash())
        .isEqualTo(verifier.keyHash());
    assertThat(NoteVerifier.fromVerifierKey(verifier.verifierKey()).keyHash())
        .isEqualTo(verifier.keyHash());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suites")
  void verifierKey_roundTrips(CryptoSuite suite) {
    Keys k = keys.get(suite);
    NoteVerifier verifier = NoteVerifier.of(KEY_NAME, k.key().verifier());
    NoteVerifier reread = NoteVerifier.fromVerifierKey(verifier.verifierKey());
    assertThat(reread.keyName()).isEqualTo(KEY_NAME);
    assertThat(reread.keyHash()).isEqualTo(verifier.keyHash());
    assertThat(reread.verifierKey()).isEqualTo(verifier.verifierKey());
    assertThat(NoteSigner.of(KEY_NAME, k.key()).keyHash()).isEqualTo(verifier.keyHash());
    assertThat(SignedCheckpoint.parse(k.signed(), reread))
        .isEqualTo(new Checkpoint(ORIGIN, 1234, ROOT));
    // The type byte: 0x01 Ed25519, 0xff followed by "safehouse/sm2-sm3" for SM2.
    byte[] typed = Base64.getDecoder().decode(verifier.verifierKey().split("\\+", 3)[2]);
    if (suite == CryptoSuite.INTL) {
      assertThat(typed[0]).isEqualTo((byte) 0x01);
    } else {
      assertThat(typed[0]).isEqualTo((byte) 0xff);
      assertThat(new String(typed, 1, "safehouse/sm2-sm3".length(), StandardCharsets.US_ASCII))
          .isEqualTo("safehouse/sm2-sm3");
    }
    // A verifier key of the other suite's key under the same name has another key hash.
    CryptoSuite other = suite == CryptoSuite.INTL ? CryptoSuite.SM : CryptoSuite.INTL;
    NoteVerifier otherVerifier = NoteVerifier.of(KEY_NAME, keys.get(other).key().verifier());
    assertThatThrownBy(() -> SignedCheckpoint.parse(k.signed(), otherVerifier))
        .isInstanceOf(NoteException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suites")
  void tamperedSignature_isRefused(CryptoSuite suite) {
    Keys k = keys.get(suite);
    String signed = k.signed();
    byte[] sig = Base64.getDecoder().decode(sigLine(signed).split(" ")[2].strip());
    for (int i : new int[] {4, sig.length / 2, sig.length - 1}) {
      byte[] tampered = sig.clone();
      tampered[i] ^= 0x01;
      String forged =
          signed.substring(0, signed.lastIndexOf("\n\n") + 2)
              + "\u2014 "
              + KEY_NAME
              + " "
              + Base64.getEncoder().encodeToString(tampered)
              + "\n";
      assertThatThrownBy(() -> k.parse(forged))
          .as("byte %d", i)
          .isInstanceOf(NoteException.class)
          .hasMessage("the signature by key " + KEY_NAME + " does not verify");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suites")
  void verifierKey_withPlusInItsBase64_roundTrips(CryptoSuite suite) {
    int withPlus = 0;
    for (int i = 0; i < 24; i++) {
      NoteVerifier verifier = NoteVerifier.of("log", suite.newSigner().verifier());
      String text = verifier.verifierKey();
      withPlus += text.substring("log+12345678+".length()).contains("+") ? 1 : 0;
      assertThat(NoteVerifier.fromVerifierKey(text).keyHash()).isEqualTo(verifier.keyHash());
    }
    assertThat(withPlus).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suites")
  void signatureByAnotherKey_isRefused(CryptoSuite suite) {
    Keys k = keys.get(suite);
    String signed = k.signed();
    String byOther = new Checkpoint(ORIGIN, 1234, ROOT).sign(KEY_NAME, k.otherKey());
    assertThatThrownBy(() -> k.parse(byOther))
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
    assertThatThrownBy(() -> k.parse(forged))
        .hasMessage("the signature by key " + KEY_NAME + " does not verify");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suites")
  void alteredBody_isRefused(CryptoSuite suite) {
    Keys k = keys.get(suite);
    String signed = k.signed();
    assertThatThrownBy(() -> k.parse(signed.replace("\n1234\n", "\n1235\n")))
        .hasMessage("the signature by key " + KEY_NAME + " does not verify");
    assertThatThrownBy(() -> k.parse(signed.replace(ORIGIN + "\n", ORIGIN + "x\n")))
        .hasMessage("the signature by key " + KEY_NAME + " does not verify");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suites")
  void otherSignatureLines_areIgnoredButDuplicatesRefused(CryptoSuite suite) {
    Keys k = keys.get(suite);
    String signed = k.signed();
    String cosigned =
        signed + sigLine(new Checkpoint(ORIGIN, 1234, ROOT).sign("witness", k.otherKey()));
    assertThat(k.parse(cosigned).size()).isEqualTo(1234);
    assertThatThrownBy(() -> k.parse(signed + sigLine(signed)))
        .hasMessage("the note has two signatures by key " + KEY_NAME);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suites")
  void malformedNotes_areRefused(CryptoSuite suite) {
    Keys k = keys.get(suite);
    String signed = k.signed();
    String body = signed.substring(0, signed.lastIndexOf("\n\n") + 1);
    String sig = sigLine(signed);
    assertRefused(k, body + sig, "the note has no blank line before its signatures");
    assertRefused(k, body + "\n", "the note's signature lines do not end with a newline");
    assertRefused(
        k, body + "\n" + sig.strip(), "the note's signature lines do not end with a newline");
    assertRefused(
        k,
        body + "\n" + sig.replace("\u2014", "-"),
        "signature line 1 is not '— <key name> <base64>'");
    if (sig.endsWith("=\n")) { // the length of an SM2 signature varies, so does its padding
      assertRefused(
          k,
          body + "\n" + sig.replace("=\n", "\n"),
          "signature line 1 is not '— <key name> <base64>'");
    }
    assertRefused(
        k, body + "\n" + sig.replace(" ", "  "), "signature line 1 is not '— <key name> <base64>'");
    assertRefused(
        k,
        body + "\n\u2014 " + KEY_NAME + " AAAA\n",
        "signature line 1 is shorter than a key hash and a signature");
    assertRefused(
        k, body + "\n" + sig + "\u2014 x +++\n", "signature line 2 is not '— <key name> <base64>'");
    assertRefused(
        k,
        signed.replace("1234", "12\t34"),
        "the note holds a control character other than newline");
    assertRefused(
        k, signed + "\u2014 x AAAAAAAA\n".repeat(100), "the note has more than 100 signatures");
    assertRefused(
        k, "x".repeat(SignedNote.MAX_NOTE_BYTES) + signed, "the note is larger than 1 MiB");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suites")
  void malformedBodies_areRefused(CryptoSuite suite) {
    Keys k = keys.get(suite);
    String b64 = Base64.getEncoder().encodeToString(ROOT.bytes());
    assertBodyRefused(
        k,
        ORIGIN + "\n0012\n" + b64 + "\n",
        "the tree size is not a decimal number without leading zeros");
    assertBodyRefused(
        k,
        ORIGIN + "\n-1\n" + b64 + "\n",
        "the tree size is not a decimal number without leading zeros");
    assertBodyRefused(
        k,
        ORIGIN + "\n+1\n" + b64 + "\n",
        "the tree size is not a decimal number without leading zeros");
    assertBodyRefused(
        k,
        ORIGIN + "\n1e3\n" + b64 + "\n",
        "the tree size is not a decimal number without leading zeros");
    assertBodyRefused(
        k,
        ORIGIN + "\n99999999999999999999\n" + b64 + "\n",
        "the tree size is not a decimal number without leading zeros");
    assertBodyRefused(
        k, ORIGIN + "\n9999999999999999999\n" + b64 + "\n", "the tree size is too large");
    String short31 = Base64.getEncoder().encodeToString(new byte[31]);
    assertBodyRefused(
        k, ORIGIN + "\n12\n" + short31 + "\n", "the root hash is not base64 of 32 bytes");
    assertBodyRefused(
        k,
        ORIGIN + "\n12\n" + b64.replace("=", "") + "\n",
        "the root hash is not base64 of 32 bytes");
    assertBodyRefused(
        k, ORIGIN + "\n12\n" + b64 + "\n\next\n", "the checkpoint body has an empty line");
    assertBodyRefused(k, ORIGIN + "\n12\n", "the checkpoint body has fewer than 3 lines");
    assertBodyRefused(k, "\n12\n" + b64 + "\n", "the checkpoint body has an empty line");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suites")
  void badKeyNames_areRefused(CryptoSuite suite) {
    Signer key = keys.get(suite).key();
    for (String name : new String[] {"", "a b", "a+b", "a\u00a0b"}) {
      assertThatThrownBy(() -> NoteSigner.of(name, key))
          .as("%s", name)
          .isInstanceOf(NoteException.class);
      assertThatThrownBy(() -> NoteVerifier.of(name, key.verifier()))
          .as("%s", name)
          .isInstanceOf(NoteException.class);
    }
    assertThatThrownBy(() -> new Checkpoint("", 1, ROOT)).hasMessage("the origin is empty");
    assertThatThrownBy(() -> new Checkpoint("a\nb", 1, ROOT))
        .hasMessage("the origin holds a control character");
    assertThatThrownBy(() -> new Checkpoint(ORIGIN, -1, ROOT))
        .hasMessage("the tree size is not negative");
  }

  private static void assertRefused(Keys k, String note, String message) {
    assertThatThrownBy(() -> k.parse(note)).isInstanceOf(NoteException.class).hasMessage(message);
  }

  private static void assertBodyRefused(Keys k, String body, String message) {
    NoteSigner signer = NoteSigner.of(KEY_NAME, k.key());
    String note = SignedNote.sign(body, signer);
    assertRefused(k, note, message);
  }
}
