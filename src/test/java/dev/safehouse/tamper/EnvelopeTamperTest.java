package dev.safehouse.tamper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.crypto.CryptoFailureException;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.DataKey;
import dev.safehouse.crypto.DatasetKey;
import dev.safehouse.crypto.EnclaveKeys;
import dev.safehouse.crypto.EnclavePublicKeys;
import dev.safehouse.crypto.Envelope;
import dev.safehouse.crypto.EnvelopeException;
import dev.safehouse.crypto.EnvelopeHeader;
import dev.safehouse.crypto.Signer;
import dev.safehouse.testing.TestSuite;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tamper suite for dataset envelopes, with real keys and a real envelope of three streaming
 * segments (two of 1 MiB, one short) written by {@link Envelope#write}.
 *
 * <p>Guarantees checked: every single-byte mutation (random position, random non-zero XOR) of the
 * envelope's header region (magic, lengths, signed header, signature) and of its ciphertext (the
 * streaming header and each segment, chosen with equal odds) is refused by {@link Envelope#open}
 * with an {@link EnvelopeException} whose message is one of the fixed messages allowed for that
 * region, and never yields plaintext; the same mutations of the ciphertext fed straight to the
 * streaming decryption (as if the signed digest check were absent) fail while reading, after
 * returning at most the authentic segments before the mutated one; truncated, reordered and
 * duplicated segments fail while reading even when the header was re-signed over their digest by
 * the provider. No refusal's message holds plaintext.
 *
 * <p>Runs once per crypto suite: Tink's {@code AES256_GCM_HKDF_1MB} segments of 1 MiB ciphertext
 * (the first holding the stream header) in {@code intl}; a 24-byte stream header then SM4-GCM
 * segments of 1 MiB plaintext plus a 16-byte tag in {@code sm}. An envelope of one suite is refused
 * by an enclave of the other.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.safehouse.testing.TestSuite#all")
class EnvelopeTamperTest {
  private static final String MARKER = "MARKER-91350100M000100Y43-SECRET";
  private static final int SEGMENT = 1 << 20;
  private static final byte[] SIGNATURE_DOMAIN =
      "safehouse/envelope-header/v1".getBytes(StandardCharsets.US_ASCII);

  private static final String NOT_AN_ENVELOPE = "not a Safehouse envelope";
  private static final String TRUNCATED = "envelope is truncated";
  private static final String TRUNCATED_OR_MALFORMED = "envelope is truncated or malformed";
  private static final String MALFORMED_HEADER = "malformed envelope header";
  private static final String UNREGISTERED_KEY =
      "envelope is signed by a key not registered for this provider";
  private static final String BAD_SIGNATURE = "envelope signature does not verify";
  private static final String BAD_DIGEST = "ciphertext does not match the signed digest";
  private static final String OTHER_SUITE = "envelope uses another crypto suite than this enclave";

  @Parameter CryptoSuite suite;

  @TempDir static Path dir;

  private static byte[] plaintext;
  private static CryptoSuite streamSuite;
  private static Signer provider;
  private static EnclaveKeys enclave;
  private static byte[] envelope;
  private static Layout layout;

  /** Where the parts of the envelope lie: [0, magicEnd) magic, and so on. */
  private record Layout(
      int magicEnd,
      int headerStart,
      int signatureLengthStart,
      int signatureStart,
      int cipherStart) {
    static Layout of(byte[] envelope) {
      ByteBuffer in = ByteBuffer.wrap(envelope);
      in.position(6);
      int headerLength = in.getInt();
      int signatureLengthStart = 10 + headerLength;
      in.position(signatureLengthStart);
      int signatureLength = in.getInt();
      return new Layout(
          6,
          10,
          signatureLengthStart,
          signatureLengthStart + 4,
          signatureLengthStart + 4 + signatureLength);
    }

    String region(int position) {
      if (position < magicEnd) {
        return "magic";
      } else if (position < headerStart) {
        return "header length";
      } else if (position < signatureLengthStart) {
        return "header";
      } else if (position < signatureStart) {
        return "signature length";
      } else if (position < cipherStart) {
        return "signature";
      }
      return cipherRegion(position - cipherStart);
    }
  }

  @BeforeParameterizedClassInvocation
  static void writeEnvelope(CryptoSuite suite) throws IOException {
    streamSuite = suite;
    StringBuilder csv = new StringBuilder("id,secret\n");
    for (int row = 0; csv.length() < 2 * SEGMENT + 4096; row++) {
      csv.append(row).append(',').append(MARKER).append('-').append(row).append('\n');
    }
    plaintext = csv.toString().getBytes(StandardCharsets.UTF_8);
    provider = suite.newSigner();
    enclave = EnclaveKeys.generate(suite);
    EnclavePublicKeys keys = enclave.publicKeys();
    Path out = dir.resolve(suite.wireName() + ".envelope");
    Envelope.write(
        new ByteArrayInputStream(plaintext),
        out,
        new Envelope.Description("public-credit", "2026-11", "0".repeat(64), 1),
        keys,
        provider);
    envelope = Files.readAllBytes(out);
    layout = Layout.of(envelope);
    DataKey.warmUp();
  }

  @Test
  void control_theUnmutatedEnvelopeOpensToItsPlaintext() throws IOException {
    assertThat(readAll(envelope)).isEqualTo(plaintext);
    assertThat(envelope.length - layout.cipherStart()).isGreaterThan(2 * SEGMENT);
    assertThat(plaintext).containsSubsequence(MARKER.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void otherSuite_enclaveOfTheOtherSuite_refusesTheEnvelope() {
    EnclaveKeys other = EnclaveKeys.generate(TestSuite.other(suite));

    assertThatThrownBy(() -> Envelope.open(envelope, provider.verifier(), other))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage(OTHER_SUITE);
    assertThatThrownBy(
            () -> Envelope.open(envelope, TestSuite.other(suite).newSigner().verifier(), enclave))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage("the provider's registered key is of another crypto suite");
    assertThatThrownBy(
            () ->
                Envelope.write(
                    new ByteArrayInputStream(plaintext),
                    dir.resolve("mixed.envelope"),
                    new Envelope.Description("public-credit", "2026-11", "0".repeat(64), 1),
                    other.publicKeys(),
                    provider))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(dir.resolve("mixed.envelope")).doesNotExist();
  }

  @Test
  void headerRegion_everyMutation_isRefusedWithTheRegionsError() {
    Mutations run = Mutations.start("envelope header");
    for (int i = 0; i < Mutations.COUNT; i++) {
      int position = run.position(0, layout.cipherStart());
      byte mask = run.mask();
      String region = layout.region(position);
      expectRefusal(run, region, position, mask, allowedFor(region));
    }
    run.assertAllDetected();
  }

  @Test
  void ciphertextChunks_everyMutation_isRefusedByTheSignedDigest() {
    Mutations run = Mutations.start("envelope ciphertext");
    for (int i = 0; i < Mutations.COUNT; i++) {
      int position =
          layout.cipherStart() + cipherPosition(run, envelope.length - layout.cipherStart());
      byte mask = run.mask();
      expectRefusal(run, layout.region(position), position, mask, Set.of(BAD_DIGEST));
    }
    run.assertAllDetected();
  }

  @Test
  void ciphertextChunks_everyMutation_failsTheStreamingDecryptionOnItsOwn() {
    Mutations run = Mutations.start("streaming segments");
    byte[] ciphertext = Arrays.copyOfRange(envelope, layout.cipherStart(), envelope.length);
    DatasetKey key = dataKey();
    for (int i = 0; i < Mutations.COUNT; i++) {
      int position = cipherPosition(run, ciphertext.length);
      byte mask = run.mask();
      String region = cipherRegion(position);
      ciphertext[position] ^= mask;
      try {
        String outcome = decryptExpectingFailure(key, ciphertext);
        run.saw(region, position, mask, outcome);
        if (!outcome.startsWith("refused")) {
          run.fail(region, position, mask, outcome);
        }
      } finally {
        ciphertext[position] ^= mask;
      }
    }
    run.assertAllDetected();
  }

  @Test
  void truncatedReorderedOrDuplicatedSegments_failWhileReadingEvenWhenReSigned()
      throws IOException {
    byte[] ciphertext = Arrays.copyOfRange(envelope, layout.cipherStart(), envelope.length);
    byte[] seg0 = Arrays.copyOfRange(ciphertext, 0, segmentStart(1));
    byte[] seg1 = Arrays.copyOfRange(ciphertext, segmentStart(1), segmentStart(2));
    byte[] seg2 = Arrays.copyOfRange(ciphertext, segmentStart(2), ciphertext.length);
    DatasetKey key = dataKey();

    assertThat(decryptExpectingFailure(key, concat(seg0, seg1, seg2))).isEqualTo("accepted");
    for (byte[] altered :
        new byte[][] {
          concat(seg0, seg1),
          Arrays.copyOf(ciphertext, ciphertext.length - 1),
          Arrays.copyOf(ciphertext, ciphertext[0] & 0xff),
          concat(seg0, seg2),
          concat(seg0, seg2, seg1),
          concat(seg1, seg0, seg2),
          concat(seg0, seg1, seg1, seg2),
          concat(seg0, seg1, seg2, seg2)
        }) {
      assertThat(decryptExpectingFailure(key, altered)).startsWith("refused");
      byte[] reSigned = reSigned(altered);
      Envelope.Opened opened = Envelope.open(reSigned, provider.verifier(), enclave);
      assertThat(opened.header().ciphertextDigest()).isEqualTo(digestHex(altered));
      assertThat(readUntilFailure(opened.plaintext())).startsWith("refused");
      // Without the re-signature the digest refuses it before any decryption.
      byte[] unsigned = Arrays.copyOf(envelope, layout.cipherStart() + altered.length);
      System.arraycopy(altered, 0, unsigned, layout.cipherStart(), altered.length);
      assertThat(refusal(unsigned)).isEqualTo(BAD_DIGEST);
    }
  }

  private static Set<String> allowedFor(String region) {
    return switch (region) {
      case "magic" -> Set.of(NOT_AN_ENVELOPE);
      // A changed length frames the header and signature wrongly: the signature length then
      // reads from elsewhere, or the header's encoding comes up short or with trailing bytes.
      case "header length" -> Set.of(TRUNCATED, TRUNCATED_OR_MALFORMED, MALFORMED_HEADER);
      // The suite is checked first, then the provider key id, as the key to verify with, then
      // the signature.
      case "header" -> Set.of(MALFORMED_HEADER, OTHER_SUITE, UNREGISTERED_KEY, BAD_SIGNATURE);
      case "signature length" -> Set.of(TRUNCATED_OR_MALFORMED, BAD_SIGNATURE);
      case "signature" -> Set.of(BAD_SIGNATURE);
      default -> throw new IllegalArgumentException(region);
    };
  }

  /** Mutates the envelope in place, expects a refusal from {@code allowed}, and restores it. */
  private static void expectRefusal(
      Mutations run, String region, int position, byte mask, Set<String> allowed) {
    envelope[position] ^= mask;
    try {
      String outcome = refusal(envelope);
      run.saw(region, position, mask, outcome);
      if (!allowed.contains(outcome)) {
        run.fail(region, position, mask, outcome + ", allowed " + allowed);
      }
    } finally {
      envelope[position] ^= mask;
    }
  }

  /**
   * Opens {@code bytes} and returns the refusal's message, or says how it was not refused: opened,
   * another exception, or a message that quotes plaintext.
   */
  private static String refusal(byte[] bytes) {
    Envelope.Opened opened;
    try {
      opened = Envelope.open(bytes, provider.verifier(), enclave);
    } catch (EnvelopeException e) {
      return leaks(e) ? "refused, but the message quotes plaintext" : e.getMessage();
    } catch (RuntimeException e) {
      return "refused with " + e.getClass().getName() + " instead of EnvelopeException";
    }
    return "ACCEPTED (the stream then " + readUntilFailure(opened.plaintext()) + ")";
  }

  /**
   * Decrypts {@code ciphertext} straight with the data key: {@code "accepted"} if it decrypts to
   * the plaintext, else {@code "refused ..."} if reading failed with the documented exception after
   * returning only a prefix of the plaintext, else what went wrong.
   */
  private static String decryptExpectingFailure(DatasetKey key, byte[] ciphertext) {
    try {
      return readUntilFailure(
          key.decryptingStream(new ByteArrayInputStream(ciphertext), binding()));
    } catch (IOException e) {
      return refusedWith(e, 0);
    }
  }

  private static String readUntilFailure(InputStream stream) {
    byte[] buffer = new byte[1 << 16];
    int read = 0;
    try (InputStream in = stream) {
      for (int n; (n = in.read(buffer)) >= 0; read += n) {
        if (read + n > plaintext.length
            || !Arrays.equals(buffer, 0, n, plaintext, read, read + n)) {
          return "returned bytes that are not the plaintext at offset " + read;
        }
      }
    } catch (IOException e) {
      return refusedWith(e, read);
    }
    return read == plaintext.length ? "accepted" : "ended early at " + read + " without an error";
  }

  private static String refusedWith(IOException e, int authenticBytesRead) {
    if (leaks(e)) {
      return "failed, but the message quotes plaintext";
    }
    if (!(e.getCause() instanceof CryptoFailureException crypto)) {
      return "failed with " + e + " (cause " + e.getCause() + "), not a CryptoFailureException";
    }
    return "refused: " + crypto.getMessage() + (authenticBytesRead > 0 ? " after a prefix" : "");
  }

  private static boolean leaks(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(MARKER.substring(0, 16))) {
        return true;
      }
    }
    return false;
  }

  private static byte[] readAll(byte[] bytes) throws IOException {
    try (InputStream in = Envelope.open(bytes, provider.verifier(), enclave).plaintext()) {
      return in.readAllBytes();
    }
  }

  /**
   * Where segment {@code i} starts in the ciphertext, segment 0 counted from the stream header: in
   * {@code intl} (Tink) every ciphertext segment is 1 MiB and the first holds the stream header; in
   * {@code sm} the segments of 1 MiB plaintext and a 16-byte tag follow the stream header.
   */
  private static int segmentStart(int i) {
    if (i == 0) {
      return 0;
    }
    return streamSuite == CryptoSuite.INTL
        ? i * SEGMENT
        : streamHeaderLength() + i * (SEGMENT + 16);
  }

  private static int streamHeaderLength() {
    return envelope[layout.cipherStart()] & 0xff;
  }

  private static int segmentOf(int offset) {
    int i = 0;
    while (offset >= segmentStart(i + 1)) {
      i++;
    }
    return i;
  }

  /**
   * Names the part of the ciphertext at {@code offset}: the streaming header (its length, the salt
   * and the nonce prefix), or a segment.
   */
  private static String cipherRegion(int offset) {
    return offset < streamHeaderLength()
        ? "stream header"
        : "ciphertext segment " + segmentOf(offset);
  }

  /** Picks the streaming header or one of the segments with equal odds, then a byte in it. */
  private static int cipherPosition(Mutations run, int length) {
    int streamHeader = streamHeaderLength();
    int segments = segmentOf(length - 1) + 1;
    int part = run.nextInt(segments + 1);
    if (part == 0) {
      return run.position(0, streamHeader);
    }
    int start = part == 1 ? streamHeader : segmentStart(part - 1);
    return run.position(start, Math.min(length, segmentStart(part)));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      joined.writeBytes(part);
    }
    return joined.toByteArray();
  }

  private static EnvelopeHeader header() {
    return Envelope.open(envelope, provider.verifier(), enclave).header();
  }

  private static byte[] binding() {
    return header().binding();
  }

  private static DatasetKey dataKey() {
    EnvelopeHeader header = header();
    return enclave.unwrap(header.wrappedKey(), header.binding());
  }

  /** The envelope with {@code ciphertext}, its header re-signed over its digest by the provider. */
  private static byte[] reSigned(byte[] ciphertext) throws IOException {
    EnvelopeHeader h = header();
    byte[] encoded =
        new EnvelopeHeader(
                h.suite(),
                h.datasetId(),
                h.versionLabel(),
                h.schemaHash(),
                h.rowCount(),
                h.enclaveKeyFingerprint(),
                h.providerKeyId(),
                h.wrappedKey(),
                digestHex(ciphertext),
                h.createdAtMillis())
            .encode();
    byte[] signed = Arrays.copyOf(SIGNATURE_DOMAIN, SIGNATURE_DOMAIN.length + encoded.length);
    System.arraycopy(encoded, 0, signed, SIGNATURE_DOMAIN.length, encoded.length);
    byte[] signature = provider.sign(signed);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(Arrays.copyOf(envelope, layout.magicEnd()));
      out.writeInt(encoded.length);
      out.write(encoded);
      out.writeInt(signature.length);
      out.write(signature);
      out.write(ciphertext);
    }
    return bytes.toByteArray();
  }

  /** Hex of the suite's hash (SHA-256 or SM3), as the header's ciphertext digest. */
  private static String digestHex(byte[] bytes) {
    return HexFormat.of().formatHex(streamSuite.newDigest().digest(bytes));
  }
}
