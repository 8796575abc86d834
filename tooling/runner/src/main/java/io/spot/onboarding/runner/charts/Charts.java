package io.spot.onboarding.runner.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of a StackSet run, drawn from the numbers its report holds: stacks done over simulated
 * time, calls admitted a minute against a limit's ceiling, and calls per account by route.
 */
public final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 520;
    /**
     * Points per line at most: a 10,000-stack line keeps its shape (3 pixels a point) in a file of a few
     * hundred KB, as the SVG encoder writes every segment as an element of its own.
     */
    static final int MAX_POINTS = 300;

    static final Color CEILING = new Color(90, 90, 90);

    static {
        // Drawn on an off-screen Graphics2D: no display and no window, on a build machine too.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {}

    /**
     * Stacks done (succeeded or failed) against simulated minutes, one line per entry.
     *
     * @param endSecondsByLine each line's stack ends, in seconds from its operation's start
     */
    public static XYChart stacksOverTime(final String title, final Map<String, List<Long>> endSecondsByLine) {
        final XYChart chart = xy(title, "simulated time (minutes)", "stacks done");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        endSecondsByLine.forEach((name, ends) -> {
            final double[][] line = cumulative(ends);
            chart.addSeries(name, line[0], line[1]).setMarker(SeriesMarkers.NONE);
        });
        return chart;
    }

    /**
     * Calls admitted in each simulated minute, one line per entry, under a dashed line at what the
     * limit admits in a minute.
     */
    public static XYChart perMinute(
            final String title,
            final String yAxis,
            final Map<String, List<Integer>> countsByLine,
            final double ceiling,
            final String ceilingName) {
        final XYChart chart = xy(title, "simulated time (minutes)", yAxis);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        int minutes = 1;
        for (final Map.Entry<String, List<Integer>> line : countsByLine.entrySet()) {
            final List<Integer> counts = line.getValue();
            minutes = Math.max(minutes, counts.size());
            // Each count plotted at its minute's middle.
            chart.addSeries(
                            line.getKey(),
                            IntStream.range(0, counts.size())
                                    .mapToDouble(i -> i + 0.5)
                                    .toArray(),
                            counts.stream().mapToDouble(Integer::doubleValue).toArray())
                    .setMarker(SeriesMarkers.NONE);
        }
        final XYSeries limit = chart.addSeries(ceilingName, new double[] {0, minutes}, new double[] {ceiling, ceiling});
        limit.setLineStyle(SeriesLines.DASH_DASH);
        // Grey: XChart's series colours include a red.
        limit.setLineColor(CEILING);
        limit.setMarker(SeriesMarkers.NONE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(Math.max(ceiling, max(countsByLine)) * 1.15);
        return chart;
    }

    /** Grouped bars: for each series (an organization size, say), a value per route. */
    public static CategoryChart callsByRoute(
            final String title, final String yAxis, final Map<String, Map<String, Double>> valuesBySeries) {
        final CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT + 120)
                .title(title)
                .xAxisTitle("route")
                .yAxisTitle(yAxis)
                .build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        final List<String> routes = valuesBySeries.values().stream()
                .flatMap(values -> values.keySet().stream())
                .distinct()
                .sorted()
                .toList();
        valuesBySeries.forEach((name, values) -> chart.addSeries(
                name,
                routes,
                routes.stream()
                        .map(route -> (Number) values.getOrDefault(route, 0.0))
                        .toList()));
        return chart;
    }

    private static XYChart xy(final String title, final String xAxis, final String yAxis) {
        final XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xAxis)
                .yAxisTitle(yAxis)
                .build();
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisMin(0.0);
        // XChart puts a tick at every value when the distinct values plotted are evenly spaced, as counts
        // 0, 1, 2... are: one point off that grid, drawn in no colour, gets it round ticks.
        final XYSeries offGrid = chart.addSeries(" ", new double[] {0}, new double[] {0.5});
        offGrid.setShowInLegend(false);
        offGrid.setMarker(SeriesMarkers.NONE);
        offGrid.setLineColor(new Color(0, 0, 0, 0));
        return chart;
    }

    private static void style(final AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setChartTitleBoxVisible(false);
        // Solid: the SVG encoder writes a dashed line as the outline of every dash, 18 KB a grid line.
        styler.setPlotGridLinesStroke(new BasicStroke(0.5f));
        styler.setPlotGridLinesColor(Color.LIGHT_GRAY);
    }

    /**
     * The count of ends at or before each time, in minutes: a step at every end where there are few,
     * {@link #MAX_POINTS} evenly spaced where there are many.
     */
    static double[][] cumulative(final List<Long> endSeconds) {
        final long[] ends =
                endSeconds.stream().mapToLong(Long::longValue).sorted().toArray();
        final long[] distinct = Arrays.stream(ends).distinct().toArray();
        final List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        if (2 * distinct.length <= MAX_POINTS) {
            for (final long time : distinct) {
                points.add(new double[] {time / 60.0, doneBy(ends, time - 1)});
                points.add(new double[] {time / 60.0, doneBy(ends, time)});
            }
        } else {
            final long last = ends[ends.length - 1];
            for (int i = 1; i <= MAX_POINTS; i++) {
                points.add(new double[] {last * i / MAX_POINTS / 60.0, doneBy(ends, last * i / MAX_POINTS)});
            }
        }
        return new double[][] {
            points.stream().mapToDouble(p -> p[0]).toArray(),
            points.stream().mapToDouble(p -> p[1]).toArray()
        };
    }

    /** Ends at or before {@code time} in the sorted {@code ends}. */
    private static int doneBy(final long[] ends, final long time) {
        int low = 0;
        int high = ends.length;
        while (low < high) {
            final int middle = (low + high) >>> 1;
            if (ends[middle] <= time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static double max(final Map<String, List<Integer>> countsByLine) {
        return countsByLine.values().stream()
                .flatMap(List::stream)
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
    }
}
