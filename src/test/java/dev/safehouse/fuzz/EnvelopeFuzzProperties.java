package dev.safehouse.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.EnclaveKeys;
import dev.safehouse.crypto.Envelope;
import dev.safehouse.crypto.EnvelopeException;
import dev.safehouse.crypto.EnvelopeHeader;
import dev.safehouse.crypto.Signer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The envelope parser on hostile bytes: {@link EnvelopeHeader#decode} on arbitrary bytes only
 * throws {@link IOException}, and {@link Envelope#open} on arbitrary bytes, on the magic followed
 * by arbitrary bytes, and on a real envelope with random bytes overwritten or cut off, only throws
 * {@link EnvelopeException} whose message is one of the fixed texts in {@link #MESSAGES} (never a
 * value from the input), within {@link #BOUND} per input.
 */
class EnvelopeFuzzProperties {
  private static final Duration BOUND = Duration.ofSeconds(3);
  private static final Set<String> MESSAGES =
      Set.of(
          "not a Safehouse envelope",
          "malformed envelope header",
          "envelope uses another crypto suite than this enclave",
          "envelope is signed by a key not registered for this provider",
          "envelope signature does not verify",
          "envelope was encrypted for another enclave key",
          "ciphertext does not match the signed digest",
          "the data key cannot be unwrapped",
          "decryption failed",
          "envelope is truncated",
          "envelope is truncated or malformed");
  private static final byte[] MAGIC = "SHENV1".getBytes(StandardCharsets.US_ASCII);

  private static Signer provider;
  private static EnclaveKeys enclave;
  private static byte[] envelope;

  @BeforeContainer
  static void writeEnvelope() throws IOException {
    provider = CryptoSuite.INTL.newSigner();
    enclave = EnclaveKeys.generate(CryptoSuite.INTL);
    Path dir = Files.createTempDirectory("envelope-fuzz");
    Path out = dir.resolve("data.envelope");
    Envelope.write(
        new ByteArrayInputStream("id,secret\n1,QZXMARK\n".getBytes(StandardCharsets.UTF_8)),
        out,
        new Envelope.Description("public-credit", "2026-11", "0".repeat(64), 1),
        enclave.publicKeys(),
        provider);
    envelope = Files.readAllBytes(out);
    Files.delete(out);
    Files.delete(dir);
  }

  /** Opens; returns what was thrown, or null if the envelope opened. */
  private static Throwable open(byte[] bytes) {
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> Envelope.open(bytes, provider.verifier(), enclave));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    return thrown;
  }

  private static void assertRefusedWithFixedMessage(Throwable thrown) {
    assertThat(thrown).isInstanceOf(EnvelopeException.class);
    assertThat(MESSAGES).contains(thrown.getMessage());
  }

  @Property(tries = 300)
  void headerDecode_arbitraryBytes_onlyIoException(@ForAll("bytes") byte[] bytes) {
    Throwable thrown = catchThrowable(() -> EnvelopeHeader.decode(bytes));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(IOException.class);
    }
  }

  @Property(tries = 300)
  void open_arbitraryBytes_isRefused(@ForAll("bytes") byte[] bytes) {
    assertRefusedWithFixedMessage(open(bytes));
  }

  @Property(tries = 300)
  void open_magicThenArbitraryBytes_isRefused(@ForAll("bytes") byte[] tail) {
    byte[] bytes = ByteBuffer.allocate(MAGIC.length + tail.length).put(MAGIC).put(tail).array();
    assertRefusedWithFixedMessage(open(bytes));
  }

  @Property(tries = 300)
  void open_realEnvelopeWithOverwrittenBytes_isRefused(
      @ForAll("offsets") int offset, @ForAll("bytes") byte[] patch) {
    byte[] bytes = envelope.clone();
    int at = Math.floorMod(offset, bytes.length);
    boolean changed = false;
    for (int i = 0; i < patch.length && at + i < bytes.length; i++) {
      changed |= bytes[at + i] != patch[i];
      bytes[at + i] = patch[i];
    }
    Throwable thrown = open(bytes);
    if (changed) {
      assertRefusedWithFixedMessage(thrown);
    }
  }

  @Property(tries = 200)
  void open_truncatedRealEnvelope_isRefused(@ForAll("offsets") int length) {
    byte[] bytes = Arrays.copyOf(envelope, Math.floorMod(length, envelope.length));
    assertRefusedWithFixedMessage(open(bytes));
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
  }

  @Provide
  Arbitrary<Integer> offsets() {
    return Arbitraries.integers().between(0, Integer.MAX_VALUE);
  }
}
