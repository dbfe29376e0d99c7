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
    private static final String[] DASHES = {"", "8 4", "2 3", "10 3 2 3", "4 4", "12 6", "1 4", "14 3 3 3 3 3"};
    private static final String[] COLOURS = {"#1b4f72", "#b03a2e", "#1e8449", "#7d3c98", "#b9770e", "#566573",
            "#117a65", "#000000"};

    private final Map<String, TreeMap<Integer, Double>> series = new LinkedHashMap<>();

    void add(String name, int size, double value) {
        series.computeIfAbsent(name, n -> new TreeMap<>()).put(size, value);
    }

    boolean isEmpty() {
        return series.isEmpty();
    }

    /**
     * Draws the plot of one database from a benchmark run's output: {@code ThroughputPlot <log> <db> <svg>} reads
     * its {@code BENCH} lines and writes the SVG.
     */
    public static void main(String[] args) throws java.io.IOException {
        ThroughputPlot plot = new ThroughputPlot();
        Map<String, String> series = Map.of("append_1", "append, 1 client", "raw_insert_1", "raw insert, 1 client",
                                            "append_8", "append, 8 clients", "raw_insert_8", "raw insert, 8 clients",
                                            "import", "import", "raw_batch_insert", "raw batched insert",
                                            "rebuild", "rebuild", "rebuild_baseline", "plain read + fold");
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[0]))) {
            String[] field = line.split(" ");
            if (field.length == 5 && field[0].equals("BENCH") && field[2].equals(args[1])) {
                int cut = field[1].lastIndexOf('_');
                String name = series.get(field[1].substring(0, cut));
                if (name != null) {
                    plot.add(name, Integer.parseInt(field[1].substring(cut + 1)), Double.parseDouble(field[3]));
                }
            }
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[2]),
                                        plot.svg("Coalition Ledger throughput on " + args[1] + " against ledger size"));
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
        double top = Math.pow(10, Math.ceil(Math.log10(max)));
        double bottom = Math.min(100, top / 10);
        double logBottom = Math.log10(bottom);
        double logSpan = Math.log10(top) - logBottom;
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
        for (double value = bottom; value <= top * 1.001; value *= 10) {
            double y = TOP + plotHeight - plotHeight * (Math.log10(value) - logBottom) / logSpan;
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
                + " text-anchor=\"middle\">per second (log scale)</text>%n", TOP + plotHeight / 2));
        int index = 0;
        List<double[]> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Double>> entry : series.entrySet()) {
            StringBuilder points = new StringBuilder();
            double lastX = 0;
            double lastY = 0;
            for (Map.Entry<Integer, Double> point : entry.getValue().entrySet()) {
                lastX = LEFT + plotWidth * (Math.log10(point.getKey()) - minLog) / span;
                lastY = TOP + plotHeight - plotHeight * (Math.log10(Math.max(bottom, point.getValue())) - logBottom)
                        / logSpan;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", lastX, lastY));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                                         lastX, lastY, COLOURS[index % COLOURS.length]));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\""
                    + " stroke-width=\"2\" stroke-dasharray=\"%s\"/>%n", points.toString().trim(),
                                     COLOURS[index % COLOURS.length], DASHES[index % DASHES.length]));
            labels.add(new double[]{lastX + 8, lastY + 4});
            names.add(entry.getKey());
            index++;
        }
        // labels at the lines' ends, pushed apart so that none overlaps another
        Integer[] order = new Integer[labels.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(labels.get(a)[1], labels.get(b)[1]));
        double previous = -1e9;
        for (int i : order) {
            double y = Math.max(labels.get(i)[1], previous + 14);
            previous = y;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"#999\" stroke-width=\"0.5\"/>%n", labels.get(i)[0] - 6, labels.get(i)[1] - 4,
                                     labels.get(i)[0] + 14, y - 4));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", labels.get(i)[0] + 18,
                                     y, escape(names.get(i))));
        }
        svg.append("</svg>\n");
        return svg.toString();
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
