package io.spot.onboarding.runner.charts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** A chart ({@link Charts}) as SVG text, to write to a file or to put inline in an HTML page. */
public final class Svg {
    private Svg() {}

    /** The chart as a standalone SVG document. */
    public static String of(final Chart<?, ?> chart) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The {@code <svg>} element alone, without the XML declaration and DOCTYPE an HTML page does not take. */
    public static String inline(final Chart<?, ?> chart) {
        final String document = of(chart);
        return document.substring(document.indexOf("<svg"));
    }

    public static void write(final Chart<?, ?> chart, final Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, of(chart));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + file + ": " + e.getMessage(), e);
        }
    }
}
