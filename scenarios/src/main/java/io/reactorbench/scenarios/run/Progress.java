package io.reactorbench.scenarios.run;

import java.io.PrintStream;
import java.time.Duration;

/**
 * "cell 3/24 echo-pingpong netty-epoll trial 1, elapsed 0:42, ETA 2:10". The estimate starts from the
 * cells' planned windows plus a guess for JVM start and stop, and learns the real overhead as cells finish.
 */
final class Progress {

    /** First guess of the time to start and stop a server and a load JVM around each window. */
    private static final double INITIAL_OVERHEAD_SECONDS = 3.5;

    private final PrintStream out;
    private final int totalCells;
    private final double plannedWindowSeconds;
    private final long startNs = System.nanoTime();
    private double windowSecondsDone;
    private int cellsDone;

    Progress(PrintStream out, int totalCells, double plannedWindowSeconds) {
        this.out = out;
        this.totalCells = totalCells;
        this.plannedWindowSeconds = plannedWindowSeconds;
    }

    void starting(int cellIndex, String what) {
        double elapsed = elapsedSeconds();
        double overhead = cellsDone == 0 ? INITIAL_OVERHEAD_SECONDS
                : Math.max(0, (elapsed - windowSecondsDone) / cellsDone);
        double eta = (plannedWindowSeconds - windowSecondsDone) + overhead * (totalCells - cellsDone);
        out.printf("cell %d/%d %s, elapsed %s, ETA %s%n", cellIndex, totalCells, what, clock(elapsed), clock(eta));
        out.flush();
    }

    void finished(double windowSeconds, String outcome) {
        cellsDone++;
        windowSecondsDone += windowSeconds;
        if (outcome != null) {
            out.println("  " + outcome);
            out.flush();
        }
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNs) / 1e9;
    }

    static String clock(double seconds) {
        Duration d = Duration.ofSeconds(Math.max(0, Math.round(seconds)));
        return d.toHours() > 0 ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
