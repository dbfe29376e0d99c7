package org.coalitionledger.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An SVG line chart of throughput against ledger size (log scale), one line per series, written from the figures of a
 * benchmark run. Each line has its name at its end and its own dash pattern, so it reads without colour.
 */
final class ThroughputPlot {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;
    private static final int LEFT = 80;
    private static final int RIGHT = 220;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final String[] DASHES = {"", "8 4", "2 3", "10 3 2 3", "4 4", "12 6"};
    private static final String[] COLOURS = {"#1b4f72", "#b03a2e", "#1e8449", "#7d3c98", "#b9770e", "#566573"};

    private final Map<String, TreeMap<Integer, Double>> series = new LinkedHashMap<>();

    void add(String name, int size, double value) {
        series.computeIfAbsent(name, n -> new TreeMap<>()).put(size, value);
    }

    boolean isEmpty() {
        return series.isEmpty();
    }

    String svg(String title) {
        List<Integer> sizes = new ArrayList<>();
        double max = 1;
        for (TreeMap<Integer, Double> points : series.values()) {
            points.keySet().forEach(size -> {
                if (!sizes.contains(size)) {
                    sizes.add(size);
                }
            });
            max = Math.max(max, points.values().stream().mapToDouble(Double::doubleValue).max().orElse(1));
        }
        sizes.sort(Integer::compare);
        double top = niceCeiling(max);
        double minLog = Math.log10(sizes.get(0));
        double maxLog = Math.log10(sizes.get(sizes.size() - 1));
        double span = Math.max(1e-9, maxLog - minLog);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH,
                                 HEIGHT));
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", LEFT,
                                 escape(title)));
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            double y = TOP + plotHeight - plotHeight * value / top;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, y, LEFT + plotWidth, y,
                                     LEFT - 6, y + 4, format(value)));
        }
        for (int size : sizes) {
            double x = LEFT + plotWidth * (Math.log10(size) - minLog) / span;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, TOP, x, TOP + plotHeight, x,
                                     TOP + plotHeight + 18, format(size)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">recorded acts in the"
                + " ledger (log scale)</text>%n", LEFT + plotWidth / 2, HEIGHT - 16));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(18 %d) rotate(-90)\""
                + " text-anchor=\"middle\">per second</text>%n", TOP + plotHeight / 2));
        int index = 0;
        for (Map.Entry<String, TreeMap<Integer, Double>> entry : series.entrySet()) {
            StringBuilder points = new StringBuilder();
            double lastX = 0;
            double lastY = 0;
            for (Map.Entry<Integer, Double> point : entry.getValue().entrySet()) {
                lastX = LEFT + plotWidth * (Math.log10(point.getKey()) - minLog) / span;
                lastY = TOP + plotHeight - plotHeight * point.getValue() / top;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", lastX, lastY));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                                         lastX, lastY, COLOURS[index % COLOURS.length]));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\""
                    + " stroke-width=\"2\" stroke-dasharray=\"%s\"/>%n", points.toString().trim(),
                                     COLOURS[index % COLOURS.length], DASHES[index % DASHES.length]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", lastX + 8, lastY + 4,
                                     escape(entry.getKey())));
            index++;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double value) {
        if (value >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", value / 1_000_000).replace(".0M", "M");
        }
        if (value >= 1_000) {
            return String.format(Locale.ROOT, "%.1fk", value / 1_000).replace(".0k", "k");
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
