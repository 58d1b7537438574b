package dev.mediacollection.tracking;

import java.util.List;

import dev.mediacollection.session.SessionIds;

/**
 * Session ids packed as their {@link SessionIds#BYTES} bytes, one array for many: a queue holding hundreds of
 * thousands of them as strings (and a node each) made every young collection copy them while it filled.
 */
final class PackedIds {

    private final byte[] bytes;

    private PackedIds(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @param ids well-formed session ids only */
    static PackedIds of(List<String> ids) {
        byte[] bytes = new byte[ids.size() * SessionIds.BYTES];
        for (int i = 0; i < ids.size(); i++) {
            SessionIds.pack(ids.get(i), bytes, i * SessionIds.BYTES);
        }
        return new PackedIds(bytes);
    }

    int size() {
        return bytes.length / SessionIds.BYTES;
    }

    String get(int index) {
        return SessionIds.unpack(bytes, index * SessionIds.BYTES);
    }
}
