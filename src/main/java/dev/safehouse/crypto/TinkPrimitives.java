package dev.safehouse.crypto;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.hybrid.HybridConfig;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.security.GeneralSecurityException;

/** Registers the Tink key managers this package uses, once per JVM. */
final class TinkPrimitives {
  private static volatile boolean registered;

  private TinkPrimitives() {}

  static void register() {
    if (registered) {
      return;
    }
    synchronized (TinkPrimitives.class) {
      if (!registered) {
        try {
          AeadConfig.register();
          StreamingAeadConfig.register();
          HybridConfig.register();
          SignatureConfig.register();
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("Tink could not register its primitives", e);
        }
        registered = true;
      }
    }
  }
}
