package dev.safehouse.enclave.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * Sent once after every handshake: gives the enclave its master-key URI, its keys as sealed and
 * stored by the host (both empty on the very first start), and the policy bundle to load.
 *
 * <p>Payload: {@code str16 kmsUri ‖ bytes32 sealedHpke ‖ bytes32 sealedSigning ‖ str16 policiesDir
 * ‖ str16 platformKeyFile}. The sealed blobs are ciphertext under the master key; the host cannot
 * open them.
 *
 * @param kmsUri where the master key lives, e.g. {@code local-kms://keys-dev/master-keyset.json}
 * @param sealedHpke the sealed HPKE private keyset, or empty to generate new keys
 * @param sealedSigning the sealed signing keyset, or empty to generate new keys
 * @param policiesDir the policy bundle directory the enclave loads and measures
 * @param platformKeyFile the development platform's attestation key file, or empty where the
 *     hardware attests instead
 */
public record InitRequest(
    String kmsUri,
    byte[] sealedHpke,
    byte[] sealedSigning,
    String policiesDir,
    String platformKeyFile)
    implements Request {

  /** Validates and copies. */
  public InitRequest {
    Objects.requireNonNull(kmsUri, "kmsUri");
    Objects.requireNonNull(policiesDir, "policiesDir");
    Objects.requireNonNull(platformKeyFile, "platformKeyFile");
    sealedHpke = sealedHpke.clone();
    sealedSigning = sealedSigning.clone();
  }

  @Override
  public byte[] sealedHpke() {
    return sealedHpke.clone();
  }

  @Override
  public byte[] sealedSigning() {
    return sealedSigning.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InitRequest that
        && kmsUri.equals(that.kmsUri)
        && Arrays.equals(sealedHpke, that.sealedHpke)
        && Arrays.equals(sealedSigning, that.sealedSigning)
        && policiesDir.equals(that.policiesDir)
        && platformKeyFile.equals(that.platformKeyFile);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kmsUri, policiesDir) * 31 + Arrays.hashCode(sealedHpke);
  }

  @Override
  public String toString() {
    return "InitRequest[" + kmsUri + ", " + policiesDir + "]";
  }

  @Override
  public MessageType type() {
    return MessageType.INIT_REQUEST;
  }
}
