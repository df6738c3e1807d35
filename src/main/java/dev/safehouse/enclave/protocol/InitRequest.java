package dev.safehouse.enclave.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * Sent once after every handshake: gives the enclave its crypto suite, its master-key URI, its keys
 * as sealed and stored by the host (both empty on the very first start), and the policy bundle to
 * load.
 *
 * <p>Payload: {@code str16 suite ‖ str16 kmsUri ‖ bytes32 sealedWrapping ‖ bytes32 sealedSigning ‖
 * str16 policiesDir ‖ str16 platformKeyFile}. The sealed blobs are ciphertext under the master key;
 * the host cannot open them.
 *
 * @param suite the deployment's crypto suite ({@code intl} or {@code sm}); sealed keys must be of
 *     it
 * @param kmsUri where the master key lives, e.g. {@code local-kms://keys-dev/master-keyset.json}
 * @param sealedWrapping the sealed HPKE private keyset, or empty to generate new keys
 * @param sealedSigning the sealed signing keyset, or empty to generate new keys
 * @param policiesDir the policy bundle directory the enclave loads and measures
 * @param platformKeyFile the development platform's attestation key file, or empty where the
 *     hardware attests instead
 */
public record InitRequest(
    String suite,
    String kmsUri,
    byte[] sealedWrapping,
    byte[] sealedSigning,
    String policiesDir,
    String platformKeyFile)
    implements Request {

  /** Validates and copies. */
  public InitRequest {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(kmsUri, "kmsUri");
    Objects.requireNonNull(policiesDir, "policiesDir");
    Objects.requireNonNull(platformKeyFile, "platformKeyFile");
    sealedWrapping = sealedWrapping.clone();
    sealedSigning = sealedSigning.clone();
  }

  @Override
  public byte[] sealedWrapping() {
    return sealedWrapping.clone();
  }

  @Override
  public byte[] sealedSigning() {
    return sealedSigning.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InitRequest that
        && suite.equals(that.suite)
        && kmsUri.equals(that.kmsUri)
        && Arrays.equals(sealedWrapping, that.sealedWrapping)
        && Arrays.equals(sealedSigning, that.sealedSigning)
        && policiesDir.equals(that.policiesDir)
        && platformKeyFile.equals(that.platformKeyFile);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kmsUri, policiesDir) * 31 + Arrays.hashCode(sealedWrapping);
  }

  @Override
  public String toString() {
    return "InitRequest[" + suite + ", " + kmsUri + ", " + policiesDir + "]";
  }

  @Override
  public MessageType type() {
    return MessageType.INIT_REQUEST;
  }
}
