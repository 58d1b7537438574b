package dev.mediacollection.lint;

import java.util.Locale;

/** How messages write numbers. */
final class Wording {

    private Wording() {
    }

    /** Milliseconds as seconds with one decimal: {@code 31.0 s}. */
    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** A playhead or other value as short as it can be written: {@code 21}, {@code 9.5}. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }

    /** {@code 1 such gap} / {@code 3 such gaps}. */
    static String count(int count, String noun) {
        return count + " such " + noun + (count == 1 ? "" : "s");
    }
}
