package dev.safehouse.enclave.ingest;

import dev.safehouse.policy.TypedRows;

/**
 * The bytes a loaded row contributes to its version's Merkle root (one leaf per row): its typed
 * values in column order, each as one tag byte — {@code 0} for null, {@code 1} for a value — then
 * for a value: integers as 8 bytes big-endian, decimals as the 8 bytes big-endian of their IEEE 754
 * bits, booleans as one byte {@code 0}/{@code 1}, text as a 4-byte big-endian length and its UTF-8
 * bytes.
 *
 * <p>Unambiguous (no value can imitate a separator), independent of how the provider spelled a
 * value ({@code "1.50"} and {@code "1.5"} give the same leaf), and stable across restarts, so the
 * same envelope always yields the same input root.
 */
final class CanonicalRow {
  private CanonicalRow() {}

  /** Encodes row {@code r} of {@code rows}. */
  static byte[] encode(TypedRows rows, int r) {
    int length = 0;
    for (int i = 0; i < rows.columnCount(); i++) {
      length += 1 + (rows.isNull(r, i) ? 0 : valueLength(rows, r, i));
    }
    byte[] out = new byte[length];
    int p = 0;
    for (int i = 0; i < rows.columnCount(); i++) {
      if (rows.isNull(r, i)) {
        out[p++] = 0;
        continue;
      }
      out[p++] = 1;
      switch (rows.type(i)) {
        case INTEGER -> p = putLong(out, p, rows.longValue(r, i));
        case DECIMAL -> p = putLong(out, p, Double.doubleToRawLongBits(rows.doubleValue(r, i)));
        case BOOLEAN -> out[p++] = (byte) (rows.booleanValue(r, i) ? 1 : 0);
        case USCC, STRING, ENUM -> {
          byte[] text = rows.text(r, i);
          p = putInt(out, p, text.length);
          System.arraycopy(text, 0, out, p, text.length);
          p += text.length;
        }
      }
    }
    return out;
  }

  private static int valueLength(TypedRows rows, int r, int i) {
    return switch (rows.type(i)) {
      case INTEGER, DECIMAL -> Long.BYTES;
      case BOOLEAN -> 1;
      case USCC, STRING, ENUM -> Integer.BYTES + rows.text(r, i).length;
    };
  }

  private static int putLong(byte[] out, int p, long value) {
    p = putInt(out, p, (int) (value >>> 32));
    return putInt(out, p, (int) value);
  }

  private static int putInt(byte[] out, int p, int value) {
    out[p] = (byte) (value >>> 24);
    out[p + 1] = (byte) (value >>> 16);
    out[p + 2] = (byte) (value >>> 8);
    out[p + 3] = (byte) value;
    return p + 4;
  }
}
