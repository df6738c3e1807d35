package dev.safehouse.cli.provider;

import java.io.PrintWriter;

/**
 * A one-line progress bar on standard error: {@code upload [#######.......] 48% 12.0/25.0 MiB}.
 * Redraws only when the shown percentage changes, so it is cheap on large inputs.
 */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String label;
  private final long total;
  private int shownPercent = -1;

  ProgressBar(PrintWriter err, String label, long total) {
    this.err = err;
    this.label = label;
    this.total = Math.max(1, total);
  }

  void update(long done) {
    int percent = (int) Math.min(100, done * 100 / total);
    if (percent == shownPercent) {
      return;
    }
    shownPercent = percent;
    int filled = percent * WIDTH / 100;
    err.printf(
        "\r%s [%s%s] %3d%% %.1f/%.1f MiB",
        label,
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        percent,
        done / 1048576.0,
        total / 1048576.0);
    err.flush();
  }

  void finish() {
    update(total);
    err.println();
  }
}
