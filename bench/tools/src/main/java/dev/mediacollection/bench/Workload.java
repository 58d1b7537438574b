package dev.mediacollection.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A weighted mix of requests, read from a workload file of {@code bench/workload/} — the same files
 * {@code bench/wrk/workload.lua} reads, so that peak and fixed-rate runs send the same requests. Each line is
 * {@code weight endpoint body-file}: endpoint {@code sessions} posts to {@code /api/v1/sessions}, {@code events} to
 * the events of a session drawn from the sessions file.
 */
final class Workload {

    record Request(String path, byte[] body) {
    }

    private record Kind(int cumulativeWeight, boolean toSession, byte[] body) {
    }

    private final List<Kind> kinds = new ArrayList<>();
    private final List<String> sessionPaths;
    private final int totalWeight;

    Workload(Path file, Path bodies, Path sessionsFile) throws IOException {
        int total = 0;
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length != 3 || !(fields[1].equals("sessions") || fields[1].equals("events"))) {
                throw new IllegalArgumentException(file + ": expected 'weight sessions|events body-file': " + line);
            }
            total += Integer.parseInt(fields[0]);
            kinds.add(new Kind(total, fields[1].equals("events"), Files.readAllBytes(bodies.resolve(fields[2]))));
        }
        totalWeight = total;
        sessionPaths = Files.exists(sessionsFile) ? Files.readAllLines(sessionsFile).stream()
                .filter(path -> !path.isBlank()).map(path -> path.strip() + "/events").toList() : List.of();
        if (kinds.stream().anyMatch(Kind::toSession) && sessionPaths.isEmpty()) {
            throw new IllegalArgumentException(sessionsFile + " lists no sessions to send events to");
        }
    }

    Request next(SplittableRandom random) {
        int draw = random.nextInt(totalWeight);
        for (Kind kind : kinds) {
            if (draw < kind.cumulativeWeight()) {
                String path = kind.toSession() ? sessionPaths.get(random.nextInt(sessionPaths.size()))
                        : "/api/v1/sessions";
                return new Request(path, kind.body());
            }
        }
        throw new IllegalStateException("weights exhausted");
    }
}
