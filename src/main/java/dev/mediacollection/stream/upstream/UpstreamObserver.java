package dev.mediacollection.stream.upstream;

/** Told what the relay to the upstream does, for monitoring. It must return at once and never throw. */
public interface UpstreamObserver {

    /** Observes nothing: for relays used outside the service (tests, tools). */
    UpstreamObserver NONE = new UpstreamObserver() {
        @Override
        public void answered(Request request, Outcome outcome, long nanos) {
        }

        @Override
        public void excluded() {
        }
    };

    /** An attempt at a request ended after {@code nanos}, one way or another. */
    void answered(Request request, Outcome outcome, long nanos);

    /** A filter left a session out. */
    void excluded();

    /** What was sent upstream. */
    enum Request {
        /** A live session's {@code sessionStart}, to {@code /api/v1/sessions}. */
        SESSION_START("sessionStart"),
        /** An event, to {@code /api/v1/sessions/{id}/events}. */
        EVENT("event"),
        /** A downloaded session, whole, to {@code /api/v1/downloaded}. */
        DOWNLOADED("downloaded");

        private final String label;

        Request(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How an attempt ended. */
    enum Outcome {
        /** A 2xx: the upstream has it. */
        ACKNOWLEDGED,
        /** A 4xx: the upstream refused it, and the rest of its session is not sent. */
        REFUSED,
        /** A 5xx, another status, a timeout or no connection: tried again after a wait. */
        FAILED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
