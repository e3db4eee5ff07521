package io.kith.tools;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal stream: phase, percent, rate and ETA, redrawn at most five times a second
 * so that drawing never shows up in the import's own time.
 */
public final class ProgressBar {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintStream out;
  private final String unit;
  private String phase = "";
  private long phaseStarted = System.nanoTime();
  private long lastDrawn;
  private final java.util.Map<String, Long> phaseNanos = new java.util.LinkedHashMap<>();

  public ProgressBar(PrintStream out, String unit) {
    this.out = out;
    this.unit = unit;
  }

  public synchronized void update(String phaseName, long done, long total) {
    long now = System.nanoTime();
    if (!phaseName.equals(phase)) {
      if (!phase.isEmpty()) {
        phaseNanos.merge(phase, now - phaseStarted, Long::sum);
        out.println();
      }
      phase = phaseName;
      phaseStarted = now;
    } else if (now - lastDrawn < REDRAW_NANOS && done < total) {
      return;
    }
    lastDrawn = now;
    double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = Math.max(1e-9, (now - phaseStarted) / 1e9);
    double rate = done / seconds;
    String eta = done <= 0 || fraction >= 1 ? "" : String.format(Locale.ROOT, "ETA %.0fs",
        (total - done) / Math.max(rate, 1e-9));
    out.printf(Locale.ROOT, "\r%-8s [%s%s] %3.0f%%  %s %s/s  %s   ", phaseName, "#".repeat(filled),
        "-".repeat(WIDTH - filled), 100 * fraction, human(rate), unit, eta);
    out.flush();
  }

  public synchronized void finish() {
    if (!phase.isEmpty()) {
      phaseNanos.merge(phase, System.nanoTime() - phaseStarted, Long::sum);
      out.println();
    }
    phase = "";
  }

  /** How long each phase took, e.g. "read 1.20 s, index 0.30 s", for the summary. */
  public synchronized String timings() {
    StringBuilder text = new StringBuilder();
    phaseNanos.forEach((name, nanos) -> text.append(text.isEmpty() ? "" : ", ")
        .append(String.format(Locale.ROOT, "%s %.2f s", name, nanos / 1e9)));
    return text.toString();
  }

  static String human(double value) {
    if (value >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", value / 1e6);
    }
    if (value >= 1e3) {
      return String.format(Locale.ROOT, "%.1fk", value / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", value);
  }
}
