package io.reactorbench.conformance;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints, after each test class, one line per design × app with the outcome of every case, so the build
 * log answers "which design fails what" at a glance. Failures carry their first message line.
 */
final class ConformanceReport implements TestWatcher, AfterAllCallback {

    /** target → case → outcome, for the class being run. */
    private final Map<String, Map<String, String>> outcomes = new TreeMap<>();

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, "pass");
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, "SKIPPED (" + cause.getMessage() + ")");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String message = String.valueOf(cause.getMessage()).strip().replace('\n', ' ');
        record(context, "FAILED: " + (message.length() > 160 ? message.substring(0, 160) + "..." : message));
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        record(context, "disabled");
    }

    private synchronized void record(ExtensionContext context, String outcome) {
        String target = context.getDisplayName();
        String testCase = context.getRequiredTestMethod().getName();
        outcomes.computeIfAbsent(target, t -> new TreeMap<>()).put(testCase, outcome);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        StringBuilder report = new StringBuilder("\n=== conformance: ")
                .append(context.getRequiredTestClass().getSimpleName()).append(" ===\n");
        outcomes.forEach((target, cases) -> {
            long passed = cases.values().stream().filter("pass"::equals).count();
            report.append(String.format("%-34s %d/%d pass%n", target, passed, cases.size()));
            cases.forEach((testCase, outcome) -> {
                if (!outcome.equals("pass")) {
                    report.append("    ").append(testCase).append(": ").append(outcome).append('\n');
                }
            });
        });
        System.out.println(report);
        outcomes.clear();
    }
}
