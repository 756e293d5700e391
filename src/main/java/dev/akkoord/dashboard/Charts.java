package dev.akkoord.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.akkoord.analytics.Bucket;
import dev.akkoord.analytics.ConsentStats;

/**
 * Geometry of the analytics charts, drawn as SVG by the template: no chart library, nothing loaded from anywhere.
 * All coordinates are in a fixed 800×260 view box that the browser scales.
 */
final class Charts {

    static final int WIDTH = 800;
    static final int HEIGHT = 260;
    static final int LEFT = 48;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 36;

    /** The six actions in stacking order, with colours of at least 3:1 contrast on white. */
    static final List<Series> ACTIONS = List.of(
            new Series("accept_all", "Accept all", "#15803d"),
            new Series("custom", "Custom choice", "#1d4ed8"),
            new Series("reject_all", "Reject all", "#b91c1c"),
            new Series("withdraw", "Withdraw", "#7c3aed"),
            new Series("gpc", "GPC signal", "#4b5563"),
            new Series("cross_domain", "From another domain", "#0f766e"));
    static final List<Series> RATES = List.of(
            new Series("analytical", "Analytical", "#1d4ed8"),
            new Series("marketing", "Marketing", "#c2410c"));

    private Charts() {
    }

    record Series(String key, String label, String color) {
    }

    record Segment(String x, String y, String width, String height, String color, String title) {
    }

    record Tick(String y, String label) {
    }

    record Label(String x, String text) {
    }

    record Line(Series series, String points, List<Dot> dots) {
    }

    record Dot(String x, String y, String title) {
    }

    /** Stacked bars of decisions per bucket. */
    record BarChart(List<Segment> segments, List<Tick> ticks, List<Label> labels, long max) {
    }

    /** One line per category: the share of decisions that granted it. */
    record RateChart(List<Line> lines, List<Tick> ticks, List<Label> labels) {
    }

    static BarChart decisions(ConsentStats stats) {
        List<Bucket> buckets = stats.buckets();
        long max = Math.max(1, buckets.stream().mapToLong(Bucket::total).max().orElse(0));
        long top = niceCeiling(max);
        double slot = plotWidth() / Math.max(1, buckets.size());
        double barWidth = Math.max(1, slot * 0.8);
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            Bucket bucket = buckets.get(i);
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            double base = HEIGHT - BOTTOM;
            for (Series series : ACTIONS) {
                long count = bucket.count(series.key());
                if (count == 0) {
                    continue;
                }
                double height = plotHeight() * count / top;
                base -= height;
                segments.add(new Segment(num(x), num(base), num(barWidth), num(height), series.color(),
                        bucket.start() + ": " + count + " × " + series.label()));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            long value = top * i / 4;
            ticks.add(new Tick(num(HEIGHT - BOTTOM - plotHeight() * i / 4), Long.toString(value)));
        }
        return new BarChart(segments, ticks, labels(buckets), max);
    }

    static RateChart rates(ConsentStats stats) {
        List<Bucket> buckets = stats.buckets();
        double slot = plotWidth() / Math.max(1, buckets.size());
        List<Line> lines = new ArrayList<>();
        for (Series series : RATES) {
            StringBuilder points = new StringBuilder();
            List<Dot> dots = new ArrayList<>();
            for (int i = 0; i < buckets.size(); i++) {
                Bucket bucket = buckets.get(i);
                if (bucket.decisions() == 0) {
                    continue;
                }
                double rate = "analytical".equals(series.key()) ? bucket.analyticalRate() : bucket.marketingRate();
                String x = num(LEFT + i * slot + slot / 2);
                String y = num(HEIGHT - BOTTOM - plotHeight() * rate);
                points.append(x).append(',').append(y).append(' ');
                dots.add(new Dot(x, y, bucket.start() + ": " + percent(rate) + " granted " + series.label()));
            }
            lines.add(new Line(series, points.toString().trim(), dots));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            ticks.add(new Tick(num(HEIGHT - BOTTOM - plotHeight() * i / 4), (25 * i) + "%"));
        }
        return new RateChart(lines, ticks, labels(buckets));
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** About eight date labels, whatever the number of buckets. */
    private static List<Label> labels(List<Bucket> buckets) {
        List<Label> labels = new ArrayList<>();
        double slot = plotWidth() / Math.max(1, buckets.size());
        int every = Math.max(1, (int) Math.ceil(buckets.size() / 8.0));
        for (int i = 0; i < buckets.size(); i += every) {
            labels.add(new Label(num(LEFT + i * slot + slot / 2), buckets.get(i).start().toString().substring(5)));
        }
        return labels;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}: axis ends people can read. */
    static long niceCeiling(long value) {
        long power = 1;
        while (power * 10 <= value) {
            power *= 10;
        }
        for (long step : new long[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
