package dev.mediacollection.stream.upstream;

import java.net.URI;
import java.time.Duration;

/**
 * Where the upstream Media Collection API is, and how it is called.
 *
 * @param url         its base URL, such as {@code https://ns.hb-api.omtrdc.net} ({@code /api/v1/…} is added)
 * @param timeout     the longest an attempt may wait for a connection, and then for each part of the answer
 * @param connections the most requests under way at once: the most sessions relayed at the same moment
 */
public record UpstreamSettings(URI url, Duration timeout, int connections) {
}
