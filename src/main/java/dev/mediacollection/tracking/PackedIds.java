package dev.mediacollection.tracking;

import java.util.HexFormat;
import java.util.List;

/**
 * Session ids (64 hexadecimal characters, {@link dev.mediacollection.session.SessionIds}) packed as their 32 bytes,
 * one array for many: a queue holding hundreds of thousands of them as strings (and a node each) made every young
 * collection copy them while it filled.
 */
final class PackedIds {

    private static final int BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private PackedIds(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @param ids well-formed session ids only */
    static PackedIds of(List<String> ids) {
        byte[] bytes = new byte[ids.size() * BYTES];
        for (int i = 0; i < ids.size(); i++) {
            System.arraycopy(HEX.parseHex(ids.get(i)), 0, bytes, i * BYTES, BYTES);
        }
        return new PackedIds(bytes);
    }

    int size() {
        return bytes.length / BYTES;
    }

    String get(int index) {
        return HEX.formatHex(bytes, index * BYTES, (index + 1) * BYTES);
    }
}
