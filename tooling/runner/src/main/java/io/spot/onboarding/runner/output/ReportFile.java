package io.spot.onboarding.runner.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A report file written whole, replacing the file only once written, so a reader never sees half of one. */
final class ReportFile {
    private ReportFile() {}

    /** @param option the option that named the file, for the error */
    static void write(final Path file, final String text, final String option) {
        try {
            final Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            final Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
            Files.writeString(partial, text);
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(option + " " + file + ": cannot write it: " + e.getMessage(), e);
        }
    }
}
