package io.spot.onboarding.runner.template;

/**
 * Where a value sits in the template, so every error can send the reader to the line to fix.
 *
 * @param source the template's file name as the user gave it
 * @param line   1-based, as editors count
 * @param column 1-based
 */
public record Location(String source, int line, int column) {
    public static final Location UNKNOWN = new Location("template", 0, 0);

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
