package dev.mediacollection.session;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Session ids: 256 bits from a cryptographically strong generator, as 64 lowercase hexadecimal characters. Ids are
 * unguessable because anyone who knows one can post events into the session.
 */
public final class SessionIds {

    /** What an id holds: its 64 characters are these bytes in hexadecimal. */
    public static final int BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    // One generator per thread: a shared SecureRandom serialises every request on its lock.
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SessionIds::newGenerator);

    private SessionIds() {
    }

    public static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.get().nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    /** Whether a string has the shape of an id this service hands out. */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != BYTES * 2) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Writes the {@link #BYTES} bytes of a well-formed id into {@code bytes} from {@code offset}. */
    public static void pack(String id, byte[] bytes, int offset) {
        System.arraycopy(HEX.parseHex(id), 0, bytes, offset, BYTES);
    }

    /** The id whose bytes {@link #pack} wrote into {@code bytes} from {@code offset}. */
    public static String unpack(byte[] bytes, int offset) {
        return HEX.formatHex(bytes, offset, offset + BYTES);
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
