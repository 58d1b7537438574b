package dev.mediacollection.stream;

/**
 * One record of the stream, as openapi/asyncapi.yaml describes it.
 *
 * @param key   the session id: a session's records stay in order on one partition
 * @param value the record, UTF-8 JSON
 */
public record StreamRecord(String key, byte[] value) {
}
