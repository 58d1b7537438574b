package dev.mediacollection.hostile;

import java.util.List;

/**
 * One generated request, as bytes, and what the service must answer it with.
 *
 * @param kind        what makes it hostile (for messages and counts)
 * @param head        request line and headers, up to and including the blank line
 * @param bodyChunks  the body, written in these pieces
 * @param pauseMillis pause after each piece (a slow body)
 * @param halfClose   stop sending (shut the output down) after the pieces: a body that never completes
 * @param refusal     how the service must refuse it (or may keep it)
 */
record HostileRequest(String kind, byte[] head, List<byte[]> bodyChunks, int pauseMillis, boolean halfClose,
        Refusal refusal) {

    enum Refusal {
        /** An RFC 9457 problem with a 4xx status, from the service's own code. */
        PROBLEM,
        /**
         * A body the default profile may keep, its mistakes as findings ({@code 201} or {@code 204}); if it is
         * refused, a problem as for {@link #PROBLEM}. Never a 5xx.
         */
        PROBLEM_OR_KEPT,
        /**
         * Refused by the HTTP codec below the service (Vert.x/Netty), which Quarkus 3.33 offers no hook to shape:
         * a 4xx without a problem body, or the connection closed. Never a 5xx. See docs/security.md.
         */
        BELOW_THE_SERVICE
    }
}
