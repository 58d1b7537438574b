package dev.mediacollection.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Another host on this machine, for tests of what a client outside loopback sees: a network namespace joined to
 * this one by a veth pair, created by the test and removed after it. Its addresses come from the blocks RFC 5737
 * reserves for documentation (TEST-NET-2 and -3: never routed on the internet), taking one this machine does not
 * already use (a sandbox may well sit on TEST-NET-1). Needs root (CAP_NET_ADMIN) and iproute2; without them the
 * test fails and says so, it does not skip.
 */
public final class NetworkNamespace implements AutoCloseable {

    private static final List<String> DOCUMENTATION_BLOCKS = List.of("198.51.100.", "203.0.113.");

    private final String name;
    private final String hostLink;
    private final String block;

    private NetworkNamespace(String name, String hostLink, String block) {
        this.name = name;
        this.hostLink = hostLink;
        this.block = block;
    }

    public static NetworkNamespace create() {
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        NetworkNamespace namespace = new NetworkNamespace("mc-test-" + suffix, "mcv" + suffix + "h", unusedBlock());
        String peerLink = "mcv" + suffix + "p";
        try {
            ip("netns", "add", namespace.name);
            ip("link", "add", namespace.hostLink, "type", "veth", "peer", "name", peerLink);
            ip("link", "set", peerLink, "netns", namespace.name);
            ip("addr", "add", namespace.hostAddress() + "/30", "dev", namespace.hostLink);
            ip("link", "set", namespace.hostLink, "up");
            namespace.run("ip", "addr", "add", namespace.peerAddress() + "/30", "dev", peerLink);
            namespace.run("ip", "link", "set", peerLink, "up");
            namespace.run("ip", "link", "set", "lo", "up");
        } catch (RuntimeException e) {
            namespace.close();
            throw new IllegalStateException("Cannot make a network namespace for the test (it needs root and"
                    + " iproute2; .ci/run runs it as root)", e);
        }
        return namespace;
    }

    /** This machine's address on the pair, as the other host reaches it. */
    public String hostAddress() {
        return block + "1";
    }

    /** The other host's address. */
    public String peerAddress() {
        return block + "2";
    }

    private static String unusedBlock() {
        String inUse = exec(List.of("ip", "-o", "-4", "addr", "show")) + exec(List.of("ip", "-4", "route", "show"));
        return DOCUMENTATION_BLOCKS.stream().filter(block -> !inUse.contains(block)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Both documentation blocks " + DOCUMENTATION_BLOCKS
                        + " are in use on this machine: the test will not take an address that may be real"));
    }

    /** Runs a command on the other host; returns what it printed (stdout), failing if it exits non-zero. */
    public String run(String... command) {
        List<String> inNamespace = new ArrayList<>(List.of("ip", "netns", "exec", name));
        inNamespace.addAll(List.of(command));
        return exec(inNamespace);
    }

    /** An HTTP request from the other host (curl), and its answer. */
    public HttpAnswer http(String method, String url, String jsonBody) {
        List<String> command = new ArrayList<>(List.of("curl", "--silent", "--include", "--max-time", "20",
                "--request", method));
        if (jsonBody != null) {
            command.addAll(List.of("--header", "Content-Type: application/json", "--data-binary", jsonBody));
        }
        command.add(url);
        return HttpAnswer.parse(run(command.toArray(String[]::new)));
    }

    /** What curl printed with {@code --include}: the status line, the headers, a blank line, the body. */
    public record HttpAnswer(int status, Map<String, String> headers, String body) {

        static HttpAnswer parse(String printed) {
            String[] headAndBody = printed.split("\r\n\r\n", 2);
            String[] lines = headAndBody[0].split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            return new HttpAnswer(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    headAndBody.length > 1 ? headAndBody[1] : "");
        }

        /** A header by its name in lower case. */
        public String header(String name) {
            return headers.get(name);
        }

        public JsonNode json() {
            try {
                return Spec.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }
    }

    @Override
    public void close() {
        // Removing the namespace removes its end of the pair, and with it the pair.
        execQuietly(List.of("ip", "netns", "delete", name));
        execQuietly(List.of("ip", "link", "delete", hostLink));
    }

    private static void ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        exec(command);
    }

    private static String exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes());
            String err = new String(process.getErrorStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + err.strip());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void execQuietly(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // Nothing to remove.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
