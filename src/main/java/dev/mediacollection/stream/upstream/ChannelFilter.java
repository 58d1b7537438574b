package dev.mediacollection.stream.upstream;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.store.OutboxEntry;

/** Relays only the sessions whose {@code sessionStart} names one of these {@code media.channel}s (exactly). */
public final class ChannelFilter implements SessionFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> channels;

    public ChannelFilter(Set<String> channels) {
        this.channels = new TreeSet<>(channels);
    }

    @Override
    public Optional<String> exclusion(OutboxEntry opening) {
        Optional<String> channel = opening.request().flatMap(ChannelFilter::channelOf);
        if (channel.isPresent() && channels.contains(channel.get())) {
            return Optional.empty();
        }
        return Optional.of(channel.map(name -> "media.channel \"" + name + "\"").orElse("no media.channel")
                + " is not one of mc.relay.channels " + channels);
    }

    private static Optional<String> channelOf(ReceivedEvent start) {
        try {
            JsonNode channel = JSON.readTree(start.body()).path("params").path("media.channel");
            return channel.isTextual() ? Optional.of(channel.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
