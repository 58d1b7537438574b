package dev.mediacollection.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, byte for byte: what {@link java.net.http.HttpClient} will not send (a wrong
 * {@code Content-Length}, a malformed request line, a body that never ends). One request per connection.
 */
public final class RawHttp {

    /**
     * What came back: a response, or a {@code null} status when the server closed the connection without one (or,
     * {@code timedOut}, sent nothing within the read timeout).
     */
    public record Answer(Integer status, Map<String, String> headers, String body, boolean timedOut) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** Sends these bytes as they are, and reads the answer. */
    public static Answer exchange(int port, byte[] request, int readTimeoutMillis) throws IOException {
        return exchange(port, request, List.of(), 0, false, readTimeoutMillis);
    }

    /**
     * Sends the head, then the body in these pieces with a pause after each, then (with {@code halfClose}) stops
     * sending; reads the answer.
     */
    public static Answer exchange(int port, byte[] head, List<byte[]> bodyChunks, int pauseMillis, boolean halfClose,
            int readTimeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(readTimeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head);
                for (byte[] chunk : bodyChunks) {
                    out.write(chunk);
                    out.flush();
                    if (pauseMillis > 0) {
                        Thread.sleep(pauseMillis);
                    }
                }
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException refusedMidway) {
                // The server may answer and close before the whole request is written (413, 431): read the answer.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        boolean timedOut = false;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                received.write(buffer, 0, n);
                if (complete(received.toByteArray())) {
                    break;
                }
            }
        } catch (SocketTimeoutException silence) {
            timedOut = true;
        } catch (java.net.SocketException reset) {
            // Reset by the server: whatever arrived is the answer.
        }
        return parse(received.toByteArray(), timedOut);
    }

    /** Headers and as much body as they announce (Content-Length, or the last chunk) have arrived. */
    private static boolean complete(byte[] bytes) {
        int end = headEnd(bytes);
        if (end < 0) {
            return false;
        }
        Map<String, String> headers = headers(new String(bytes, 0, end, StandardCharsets.ISO_8859_1));
        String length = headers.get("content-length");
        if (length != null) {
            return bytes.length - end - 4 >= Long.parseLong(length.trim());
        }
        return "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
                && new String(bytes, StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n");
    }

    private static Answer parse(byte[] bytes, boolean timedOut) {
        int end = headEnd(bytes);
        if (end < 0) {
            return new Answer(null, Map.of(), "", timedOut);
        }
        String head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        String[] statusLine = head.split("\r\n", 2)[0].split(" ");
        Map<String, String> headers = headers(head);
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(statusLine[1]), headers, new String(body, StandardCharsets.UTF_8),
                timedOut);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1)
                    .split(";")[0].trim(), 16);
            if (size == 0 || lineEnd + 2 + size > chunked.length) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new TreeMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (first, second) -> first + "," + second);
            }
        }
        return headers;
    }

    private static int headEnd(byte[] bytes) {
        for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
