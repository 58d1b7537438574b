package dev.mediacollection.support;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says what the test run is doing before the first test class reports. Quarkus builds its test application while
 * JUnit discovers the tests, which takes up to a minute without a line of output; Surefire and Failsafe then print
 * each class as it runs. Registered through META-INF/services for both.
 */
public final class TestProgress implements LauncherDiscoveryListener, TestExecutionListener {

    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    @Override
    public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        if (ANNOUNCED.compareAndSet(false, true)) {
            System.out.println("[tests] Finding the tests; Quarkus builds its test application first (up to a minute)");
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        long classes = testPlan.getRoots().stream()
                .flatMap(root -> testPlan.getDescendants(root).stream())
                .filter(TestProgress::isClass)
                .count();
        System.out.println("[tests] Running " + classes + (classes == 1 ? " test class" : " test classes"));
    }

    private static boolean isClass(TestIdentifier test) {
        return test.isContainer() && test.getSource().filter(ClassSource.class::isInstance).isPresent();
    }
}
