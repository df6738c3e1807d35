package dev.safehouse.enclave.ingest;

import java.nio.charset.StandardCharsets;

/**
 * The bytes a loaded row contributes to its version's Merkle root: each typed value's text form
 * ({@code String.valueOf}, empty for null), joined by the unit separator {@code U+001F}, in UTF-8.
 * Stable across restarts, so the same envelope always yields the same input root.
 */
final class CanonicalRow {
  private CanonicalRow() {}

  static byte[] encode(Object[] typed) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < typed.length; i++) {
      if (i > 0) {
        text.append('\u001f');
      }
      if (typed[i] != null) {
        text.append(typed[i]);
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
