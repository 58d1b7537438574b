package dev.mediacollection.api;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.RequestScoped;

/**
 * The current request's body exactly as received. The generated interfaces hand resources a bound model, which
 * drops what the model has no field for; the store keeps the original.
 */
@RequestScoped
public class ReceivedBody {

    private byte[] bytes;

    void set(byte[] bytes) {
        this.bytes = bytes;
    }

    public String text() {
        if (bytes == null) {
            throw new IllegalStateException("No request body was read for this request");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
