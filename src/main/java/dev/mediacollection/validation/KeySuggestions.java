package dev.mediacollection.validation;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Finds the known key an unknown one was probably meant to be: a near miss ({@code media.lenght} →
 * {@code media.length}) or a bare name without its prefix ({@code bitrate} → {@code media.qoe.bitrate}, as in
 * Adobe's own timeline samples).
 */
final class KeySuggestions {

    private static final int MAX_EDITS = 2;

    private KeySuggestions() {
    }

    static String closest(String unknown, Collection<String> known) {
        String nearMiss = nearMiss(unknown, known);
        if (nearMiss != null) {
            return nearMiss;
        }
        String suffix = "." + unknown.toLowerCase(Locale.ROOT);
        List<String> prefixed = known.stream().filter(key -> key.toLowerCase(Locale.ROOT).endsWith(suffix)).toList();
        return prefixed.size() == 1 ? prefixed.get(0) : null;
    }

    private static String nearMiss(String unknown, Collection<String> known) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String candidate : known) {
            int distance = distance(unknown.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT), bestDistance);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Optimal string alignment distance (edits, counting a swap of neighbours as one), or {@code limit} if larger. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous2 = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return Math.min(previous[b.length()], limit);
    }
}
