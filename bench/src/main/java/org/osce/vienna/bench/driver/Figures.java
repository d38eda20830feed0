package org.osce.vienna.bench.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a run, one value per pair and target, written as the table of docs/performance.md:
 * the median of each target, and the ratio application / baseline of the medians.
 */
final class Figures {

  private record Figure(String name, String unit, Map<Target.Kind, List<Double>> values) {
  }

  private final Map<String, Figure> figures = new LinkedHashMap<>();

  void add(String name, String unit, Target.Kind kind, double value) {
    figures.computeIfAbsent(name, n -> new Figure(n, unit, new LinkedHashMap<>()))
        .values().computeIfAbsent(kind, k -> new ArrayList<>()).add(value);
  }

  String table() {
    StringBuilder table = new StringBuilder(
        "| figure | application | baseline | ratio | each pair (application / baseline) |\n|---|---|---|---|---|\n");
    for (Figure figure : figures.values()) {
      List<Double> application = figure.values().getOrDefault(Target.Kind.APPLICATION, List.of());
      List<Double> baseline = figure.values().getOrDefault(Target.Kind.BASELINE, List.of());
      double a = median(application);
      double b = median(baseline);
      StringBuilder pairs = new StringBuilder();
      for (int i = 0; i < Math.max(application.size(), baseline.size()); i++) {
        pairs.append(i == 0 ? "" : "; ").append(i < application.size() ? number(application.get(i)) : "–")
            .append(" / ").append(i < baseline.size() ? number(baseline.get(i)) : "–");
      }
      table.append("| ").append(figure.name()).append(" (").append(figure.unit()).append(") | ")
          .append(number(a)).append(" | ").append(number(b)).append(" | ")
          .append(Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "–" : String.format(Locale.ROOT, "%.2f", a / b))
          .append(" | ").append(pairs).append(" |\n");
    }
    return table.toString();
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
  }
}
