package dev.safehouse.policy;

/**
 * The set of unified social credit codes seen so far in one file, for the no-duplicates rule. Each
 * canonical code is packed into two {@code long}s (five bits per character) and kept in an
 * open-addressing table, so a million codes cost 32 MiB at most and no object each.
 */
final class SeenCodes {
  private static final int CHARS_PER_WORD = 9;

  /** Slot i holds a code's two words at 2i and 2i + 1, so a probe touches one cache line. */
  private long[] slots = new long[2 << 12];

  private int size;

  /**
   * Adds the canonical 18-byte code at {@code offset}.
   *
   * @return false if it was already present
   */
  boolean add(byte[] code, int offset) {
    long h = pack(code, offset);
    long l = pack(code, offset + CHARS_PER_WORD);
    if (size * 4 >= slots.length) { // at most half the slots in use
      grow();
    }
    return insert(slots, h, l);
  }

  private boolean insert(long[] table, long h, long l) {
    int mask = (table.length >> 1) - 1;
    int slot = (int) mix(h, l) & mask;
    while (table[2 * slot] != 0) {
      if (table[2 * slot] == h && table[2 * slot + 1] == l) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    table[2 * slot] = h;
    table[2 * slot + 1] = l;
    size++;
    return true;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0) {
        insert(slots, old[i], old[i + 1]);
      }
    }
  }

  /** Packs nine ASCII characters into 63 bits; never zero (zero marks an empty slot). */
  private static long pack(byte[] code, int offset) {
    long word = 1;
    for (int i = 0; i < CHARS_PER_WORD; i++) {
      word = (word << 6) | (code[offset + i] & 0x3f);
    }
    return word;
  }

  private static long mix(long h, long l) {
    long x = h * 0x9E3779B97F4A7C15L ^ l * 0xC2B2AE3D27D4EB4FL;
    return x ^ (x >>> 29);
  }
}
