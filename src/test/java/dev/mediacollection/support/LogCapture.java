package dev.mediacollection.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what a logger writes while a test runs. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
    }

    public static LogCapture of(Class<?> source) {
        return of(source.getName());
    }

    /** What is logged under a category that is no class's name (the HTTP access log's, for one). */
    public static LogCapture of(String category) {
        LogCapture capture = new LogCapture(Logger.getLogger(category));
        capture.logger.addHandler(capture);
        return capture;
    }

    /** Each record's message with its parameters filled in, followed by its exception's text if any. */
    public List<String> messages() {
        return records.stream().map(record -> {
            String message = record.getParameters() == null || record.getParameters().length == 0
                    ? record.getMessage()
                    : String.format(record.getMessage(), record.getParameters());
            return record.getThrown() == null ? message : message + " " + record.getThrown();
        }).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
