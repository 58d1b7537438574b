package dev.mediacollection.config;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.ConfigValidationException.Problem;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * The bounds of the numeric settings, checked while the configuration is read, so that a value the service cannot
 * use stops it before anything starts, naming the setting. Written out rather than left to Bean Validation
 * annotations: for these eight numbers Hibernate Validator was bootstrapped twice at every start (for the
 * configuration and for CDI), the largest single cost of the start-up (docs/performance.md).
 * Quarkus installs it from {@code META-INF/services/io.smallrye.config.SmallRyeConfigBuilderCustomizer}.
 */
public final class SettingBounds implements SmallRyeConfigBuilderCustomizer {

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withValidator((mappingClass, prefix, mapping) -> check(mapping));
    }

    static void check(Object mapping) {
        if (!(mapping instanceof CollectorConfig config)) {
            return;
        }
        List<Problem> problems = new ArrayList<>();
        within(problems, "mc.inspection.rejections", config.inspection().rejections(), 0, 100_000);
        within(problems, "mc.limits.max-in-flight", config.limits().maxInFlight(), 1, Long.MAX_VALUE);
        within(problems, "mc.store.read-threads", config.store().readThreads(), 1, Long.MAX_VALUE);
        CollectorConfig.Store.GroupCommit group = config.store().groupCommit();
        within(problems, "mc.store.group-commit.writers", group.writers(), 1, Long.MAX_VALUE);
        within(problems, "mc.store.group-commit.max-batch", group.maxBatch(), 1, Long.MAX_VALUE);
        within(problems, "mc.store.group-commit.queue-capacity", group.queueCapacity(), 1, Long.MAX_VALUE);
        CollectorConfig.Store.Memory memory = config.store().memory();
        within(problems, "mc.store.memory.max-sessions", memory.maxSessions(), 1, 100_000_000);
        within(problems, "mc.store.memory.max-events", memory.maxEvents(), 1, Long.MAX_VALUE);
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems.toArray(Problem[]::new));
        }
    }

    private static void within(List<Problem> problems, String name, long value, long min, long max) {
        if (value < min) {
            problems.add(new Problem(name + " is " + value + "; it must be at least " + min));
        } else if (value > max) {
            problems.add(new Problem(name + " is " + value + "; it must be at most " + max));
        }
    }
}
