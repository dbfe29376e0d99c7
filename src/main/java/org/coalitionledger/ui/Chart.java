package org.coalitionledger.ui;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A calendar chart drawn as SVG on the server: one row per party (or agreement), bars for intervals, vertical
 * markers for today and the day shown, and a tick per year. Every bar has a kind drawn with its own pattern, a text
 * label when there is room, and a tooltip, so that no meaning rests on colour alone. The chart is drawn at its own
 * width in pixels, one SVG unit a pixel, and scrolls inside its frame on narrow screens: its text is never scaled
 * down with the screen.
 */
public final class Chart {

    static final int WIDTH = 1000;
    static final int LABEL_WIDTH = 170;
    static final int ROW_HEIGHT = 30;
    static final int TOP = 28;

    /** A bar: its kind (a CSS class and an SVG pattern), the text inside it, and the full text of its tooltip. */
    public record Bar(double x, double width, String kind, String text, String tooltip, boolean uncertain) {
    }

    /**
     * A step that lasted no day (intent declared and joined on the same day): a zero-length bar would draw
     * nothing, so it is drawn as a diamond with its tooltip.
     */
    public record Point(double x, String kind, String tooltip) {
    }

    /** A row: its label, where the label links to, its bars and its points. */
    public record Row(String label, String href, double y, List<Bar> bars, List<Point> points) {
    }

    public record Marker(double x, String text) {
    }

    public record Tick(double x, String text) {
    }

    private final LocalDate from;
    private final LocalDate to;
    private final List<Row> rows = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();

    Chart(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to.isAfter(from) ? to : from.plusDays(1);
    }

    /** The x coordinate of a day, clamped to the chart. */
    double x(LocalDate day) {
        long total = ChronoUnit.DAYS.between(from, to);
        long offset = ChronoUnit.DAYS.between(from, day);
        double share = Math.max(0, Math.min(1, (double) offset / total));
        return LABEL_WIDTH + share * (WIDTH - LABEL_WIDTH - 10);
    }

    /** Adds a row; {@code bars} may be filled afterwards through {@link #bar}. */
    Row row(String label, String href) {
        Row row = new Row(label, href, TOP + rows.size() * ROW_HEIGHT, new ArrayList<>(), new ArrayList<>());
        rows.add(row);
        return row;
    }

    /**
     * A bar from {@code start} to {@code end} (exclusive; null for "still lasting"); a point when it lasted no day.
     */
    void bar(Row row, LocalDate start, LocalDate end, String kind, String text, String tooltip, boolean uncertain) {
        if (end != null && !end.isAfter(start)) {
            row.points().add(new Point(x(start), kind, tooltip));
            return;
        }
        double x0 = x(start);
        double x1 = x(end == null ? to : end);
        double width = Math.max(2, x1 - x0);
        // text goes inside the bar only when it fits (about 7.6 px per character at the chart's 13 px)
        String shown = text.length() * 7.6 + 8 <= width ? text : "";
        row.bars().add(new Bar(x0, width, kind, shown, tooltip, uncertain));
    }

    void marker(LocalDate day, String text) {
        if (!day.isBefore(from) && !day.isAfter(to)) {
            markers.add(new Marker(x(day), text));
        }
    }

    /** True when some row has a point, for the legend. */
    public boolean hasPoints() {
        return rows.stream().anyMatch(row -> !row.points().isEmpty());
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Marker> markers() {
        return markers;
    }

    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        int step = Math.max(1, (to.getYear() - from.getYear()) / 8 + 1);
        int first = from.getDayOfYear() == 1 ? from.getYear() : from.getYear() + 1;
        for (int year = first; year <= to.getYear(); year += step) {
            double x = x(LocalDate.of(year, 1, 1));
            if (x <= WIDTH - 40) {
                ticks.add(new Tick(x, Integer.toString(year)));
            }
        }
        return ticks;
    }

    public int height() {
        return TOP + Math.max(1, rows.size()) * ROW_HEIGHT + 18;
    }

    public int width() {
        return WIDTH;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }
}
