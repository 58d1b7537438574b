package dev.mediacollection.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service ({@code target/quarkus-app}) as a separate process: for what only a real process can show,
 * such as surviving SIGKILL or several instances sharing one database.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the service on a free port with these settings, and waits until it listens. It runs without the C2
     * compiler, as the test JVMs do (pom.xml): for a process that lives seconds, C2 costs more CPU than it wins back.
     */
    public static ServiceProcess start(String name, Map<String, String> settings) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the tests with ./mvnw verify");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=0"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Path log = Path.of("target", "service-" + name + "-" + process.pid() + ".log");
            Thread pump = new Thread(() -> pump(process, log, port), "service-" + name + "-log");
            pump.setDaemon(true);
            pump.start();
            return new ServiceProcess(process, port.get(60, TimeUnit.SECONDS), log);
        } catch (Exception e) {
            throw new IllegalStateException("The service did not start; see target/service-" + name + "-*.log", e);
        }
    }

    private static void pump(Process process, Path log, CompletableFuture<Integer> port) {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log), true)) {
            String line;
            while ((line = output.readLine()) != null) {
                copy.println(line);
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                }
            }
            port.completeExceptionally(new IllegalStateException("The service exited with " + process.waitFor()));
        } catch (IOException e) {
            port.completeExceptionally(new UncheckedIOException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything the service printed so far, line by line. */
    public List<String> output() throws IOException {
        return Files.readAllLines(log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** What the service has written to its console so far. */
    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Heap in use after a full collection, in bytes, as the JVM itself reports it ({@code jcmd}). */
    public long heapUsedAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info reported no heap use");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    /** SIGTERM, as an orchestrator stops a service; returns the exit code once the shutdown is over. */
    public int terminate(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The service did not stop within " + patience + " of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and wait for the process to finish its shutdown. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
