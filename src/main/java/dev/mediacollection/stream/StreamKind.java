package dev.mediacollection.stream;

/** Where every accepted write is streamed to, if anywhere ({@code mc.stream.kind}). */
public enum StreamKind {
    /** Nowhere: the store keeps no outbox and nothing is relayed. The default. */
    NONE,
    /** An Apache Kafka topic (docs/streaming.md). */
    KAFKA
}
