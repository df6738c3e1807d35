package dev.safehouse.cli.audit;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of {@code GET /v1/audit/entries}: the log's size when served, the entries, and where the
 * next page starts (empty when the server has no more).
 *
 * @param treeSize the log's size when the page was served
 * @param entries the entries, normally in index order from the requested start
 * @param next the start of the next page, if any
 */
public record EntryPage(long treeSize, List<LogEntry> entries, OptionalLong next) {
  /** Copies the list. */
  public EntryPage {
    entries = List.copyOf(entries);
  }
}
