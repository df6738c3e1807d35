package dev.safehouse.audit;

/** What every note signer shares whatever its signature type: the key name and its key hash. */
abstract class KeyedNoteSigner implements NoteSigner {
  private final String keyName;
  private final int keyHash;

  KeyedNoteSigner(String keyName, int keyHash) {
    this.keyName = keyName;
    this.keyHash = keyHash;
  }

  @Override
  public final String keyName() {
    return keyName;
  }

  @Override
  public final int keyHash() {
    return keyHash;
  }
}
