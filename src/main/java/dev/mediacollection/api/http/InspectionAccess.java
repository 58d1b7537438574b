package dev.mediacollection.api.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mediacollection.api.problem.ProblemException;
import dev.mediacollection.api.problem.ProblemType;
import dev.mediacollection.config.CollectorConfig;
import io.vertx.core.net.SocketAddress;

/**
 * Who may read what players sent (visitor and user ids are personal data): with {@code mc.inspection.token} set,
 * whoever sends it as a bearer token; without it, only clients on this machine's loopback interface. The collection
 * endpoints face the players, so an unset token must not open viewer data to the network.
 */
@ApplicationScoped
public class InspectionAccess {

    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> token;

    InspectionAccess(CollectorConfig config) {
        this.token = config.inspection().token().filter(value -> !value.isBlank())
                .map(value -> value.getBytes(StandardCharsets.UTF_8));
    }

    boolean hasToken() {
        return token.isPresent();
    }

    /** Why the client may not inspect, as the problem to answer; empty if it may. */
    Optional<ProblemException> refusal(SocketAddress client, String authorization) {
        if (token.isPresent()) {
            return carriesToken(authorization) ? Optional.empty() : Optional.of(new ProblemException(
                    ProblemType.UNAUTHORIZED, "Send the inspection token as Authorization: Bearer <token>."));
        }
        return isLoopback(client) ? Optional.empty() : Optional.of(new ProblemException(ProblemType.UNAUTHORIZED,
                "Without mc.inspection.token (MC_INSPECTION_TOKEN) set, inspection answers only clients on this"
                        + " machine's loopback interface; set the token and send it as Authorization: Bearer <token>."));
    }

    private boolean carriesToken(String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return false;
        }
        // Constant time: how long a comparison takes must not tell how much of a guess was right.
        return MessageDigest.isEqual(token.get(),
                authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8));
    }

    /** The socket's peer, never a forwarded-for header: a client cannot claim to be local. */
    static boolean isLoopback(SocketAddress client) {
        if (client == null || client.hostAddress() == null) {
            return false;
        }
        try {
            // A literal address is parsed, never looked up.
            return InetAddress.getByName(client.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
