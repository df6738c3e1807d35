package dev.safehouse.cli.audit;

/**
 * What {@link LogReplay} found when it recomputed the log from its entries: they match the signed
 * root, an entry does not match, or entries are missing.
 */
public sealed interface ReplayOutcome {
  /** Returns a one-line description for the auditor. */
  String describe();

  /** Returns whether the entries reproduce the signed log. */
  default boolean matches() {
    return this instanceof Matches;
  }

  /**
   * Every entry was served and the root recomputed from them equals the signed root.
   *
   * @param entries how many entries were checked
   */
  record Matches(long entries) implements ReplayOutcome {
    @Override
    public String describe() {
      return "recomputed root from " + entries + " entries matches";
    }
  }

  /**
   * Entries {@code [0, index)} are genuine (proven against the signed root) and entry {@code index}
   * is not the one the log signed.
   *
   * @param index the first bad index
   */
  record EntryMismatch(long index) implements ReplayOutcome {
    @Override
    public String describe() {
      return "entry " + index + " does not match the signed log";
    }
  }

  /**
   * The server served only {@code [0, from)}, which is genuine, of a log of {@code to} entries.
   *
   * @param from the first missing index
   * @param to the signed size
   */
  record EntriesMissing(long from, long to) implements ReplayOutcome {
    @Override
    public String describe() {
      return "entries "
          + from
          + " to "
          + (to - 1)
          + " of the signed log were not served (the "
          + from
          + " served entries match the signed log)";
    }
  }
}
