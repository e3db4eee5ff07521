package io.kith.bench.driver;

import java.util.List;
import java.util.Locale;

/** A grouped horizontal bar chart of throughput per workload and store, as a self-contained SVG. */
final class Chart {
  private static final String[] COLORS = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"};
  private static final int BAR = 14;
  private static final int LEFT = 150;
  private static final int WIDTH = 900;

  private Chart() {}

  static String svg(List<Workload> workloads, List<Result> results) {
    List<String> stores = BenchCommand.STORES.stream()
        .filter(store -> results.stream().anyMatch(r -> r.store().equals(store))).toList();
    StringBuilder body = new StringBuilder();
    int y = 40;
    for (Workload workload : workloads) {
      List<Result> rows = stores.stream().flatMap(store -> results.stream()
          .filter(r -> r.store().equals(store) && r.workload().equals(workload.label))).toList();
      if (rows.isEmpty()) {
        continue;
      }
      // Log scale: the stores span three orders of magnitude, and each bar's label carries the exact figure.
      double max = Math.log10(rows.stream().mapToDouble(Result::opsPerSecond).max().orElse(10) * 1.5);
      body.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s</text>%n", y + 12,
          workload.label));
      for (Result r : rows) {
        int color = stores.indexOf(r.store());
        double length = Math.max(1, (WIDTH - LEFT - 120) * Math.log10(Math.max(10, r.opsPerSecond())) / max);
        body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%d\" fill=\"%s\"/>"
                + "<text x=\"%.0f\" y=\"%d\" font-size=\"11\">%s %s/s</text>%n", LEFT, y, length, BAR - 2,
            COLORS[color % COLORS.length], LEFT + length + 4, y + 10, r.store(), human(r.opsPerSecond())));
        y += BAR;
      }
      y += 14;
    }
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
            + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
            + "<text x=\"10\" y=\"20\" font-size=\"14\">Throughput per store (operations/s, log scale)</text>%n",
        WIDTH, y + 10));
    return svg.append(body).append("</svg>\n").toString();
  }

  private static String human(double value) {
    if (value >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", value / 1e6);
    }
    if (value >= 1e3) {
      return String.format(Locale.ROOT, "%.1fk", value / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", value);
  }
}
