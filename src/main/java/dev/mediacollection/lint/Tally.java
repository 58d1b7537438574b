package dev.mediacollection.lint;

/**
 * Occurrences of a rule that is reported once per session: how many, the first and the largest.
 *
 * @param <T> what an occurrence is
 */
final class Tally<T> {

    private int count;
    private T first;
    private T worst;
    private double worstSize = Double.NEGATIVE_INFINITY;

    void add(T occurrence, double size) {
        count++;
        if (first == null) {
            first = occurrence;
        }
        if (size > worstSize) {
            worst = occurrence;
            worstSize = size;
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    int count() {
        return count;
    }

    T first() {
        return first;
    }

    T worst() {
        return worst;
    }
}
