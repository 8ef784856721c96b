package io.reactorbench.scenarios.run;

import io.reactorbench.results.ServerSyscalls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code perf stat -x, -I <ms>} counted on a cell's server, interval by interval, and the system calls per
 * request it comes to over a measured window. A pure function of perf's CSV and the wall-clock instant perf started,
 * so the arithmetic is tested without perf.
 *
 * <p>perf stamps each interval with seconds since it began counting; {@code startedAtMs} is when the runner started
 * perf, a few milliseconds before it counts, so an interval is placed at most that much early. Only intervals lying
 * wholly inside the window are summed (as only probe samples inside it are), and the requests they are divided by
 * are the window's rate times the time those intervals cover: a counted span a little off the window's edges then
 * changes nothing but how much of the window is used.
 *
 * @param startedAtMs wall-clock ms (epoch) at which perf was started
 * @param intervals   the intervals in time order
 */
record SyscallIntervals(long startedAtMs, List<Interval> intervals) {

    /** perf's name of the event that counts every system call; reported as {@link ServerSyscalls#TOTAL}. */
    static final String ALL_EVENT = "raw_syscalls:sys_enter";
    private static final String EVENT_PREFIX = "syscalls:sys_enter_";

    /**
     * One interval: from the previous one's end (perf's start for the first) to {@code endSeconds} after perf's start.
     *
     * @param counts calls by syscall name ({@link ServerSyscalls#TOTAL} for all of them)
     */
    record Interval(double startSeconds, double endSeconds, Map<String, Long> counts) {
    }

    SyscallIntervals {
        intervals = List.copyOf(intervals);
    }

    /**
     * Parses perf's interval CSV: {@code <seconds>,<count>,<unit>,<event>,...} per event and interval; comments,
     * blank lines and counters perf could not read ({@code <not counted>}) are skipped.
     */
    static SyscallIntervals parse(String csv, long startedAtMs) {
        Map<Double, Map<String, Long>> byEnd = new LinkedHashMap<>();
        for (String line : csv.split("\n")) {
            String[] fields = line.trim().split(",");
            if (line.startsWith("#") || fields.length < 4) {
                continue;
            }
            try {
                double endSeconds = Double.parseDouble(fields[0]);
                long count = Long.parseLong(fields[1]);
                String name = name(fields[3]);
                if (name != null) {
                    byEnd.computeIfAbsent(endSeconds, end -> new HashMap<>()).merge(name, count, Long::sum);
                }
            } catch (NumberFormatException notACount) {
                // <not counted>, <not supported>: no figure for this event in this interval
            }
        }
        List<Interval> intervals = new ArrayList<>();
        double previousEnd = 0;
        for (Map.Entry<Double, Map<String, Long>> entry : byEnd.entrySet()) {
            intervals.add(new Interval(previousEnd, entry.getKey(), entry.getValue()));
            previousEnd = entry.getKey();
        }
        return new SyscallIntervals(startedAtMs, intervals);
    }

    /** {@code syscalls:sys_enter_read} is {@code read}; {@code raw_syscalls:sys_enter} is the total; others: null. */
    private static String name(String event) {
        if (event.equals(ALL_EVENT)) {
            return ServerSyscalls.TOTAL;
        }
        return event.startsWith(EVENT_PREFIX) ? event.substring(EVENT_PREFIX.length()) : null;
    }

    /**
     * Calls per request over the intervals inside {@code window}, at {@code requestsPerSecond} (the window's
     * throughput); null when no interval lies inside it or nothing was answered.
     */
    ServerSyscalls perRequest(MeasuredWindow window, double requestsPerSecond, String method) {
        Map<String, Long> sums = new HashMap<>();
        double seconds = 0;
        for (Interval interval : intervals) {
            if (window.contains(startedAtMs + interval.startSeconds() * 1000)
                    && window.contains(startedAtMs + interval.endSeconds() * 1000)) {
                interval.counts().forEach((name, count) -> sums.merge(name, count, Long::sum));
                seconds += interval.endSeconds() - interval.startSeconds();
            }
        }
        double requests = requestsPerSecond * seconds;
        if (seconds <= 0 || requests <= 0) {
            return null;
        }
        Map<String, Double> perRequest = new HashMap<>();
        sums.forEach((name, count) -> {
            if (count > 0) {
                perRequest.put(name, count / requests);
            }
        });
        return new ServerSyscalls(perRequest, Double.parseDouble(String.format(Locale.ROOT, "%.3f", seconds)), method);
    }
}
