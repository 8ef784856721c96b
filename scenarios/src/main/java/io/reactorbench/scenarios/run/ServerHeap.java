package io.reactorbench.scenarios.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The heap of each server JVM of a cell, sized from the connections each process holds rather than taken as the
 * suite fixed it. A suite's {@code -Xms512m -Xmx512m -XX:+AlwaysPreTouch} suits one process at up to ~20,000
 * connections; over many processes it does not: a million connections over ~52 processes would pre-touch ~26 GiB
 * before the first connect, on a 24 GiB machine that also needs ~10 GB of kernel socket memory and ~52 load JVMs.
 *
 * <p>The rule: when a cell runs several processes, or when one process would hold more connections than the suite's
 * {@code -Xmx} allows for, each process gets {@code -Xmx} = {@link #BASE_BYTES} + connections per process × the
 * design's {@link #bytesPerConnection allowance}, a small {@code -Xms} ({@link #INITIAL_HEAP}), and no
 * {@code -XX:+AlwaysPreTouch}: the heap grows to what the cell uses and no further. Otherwise the options stay as
 * the suite gave them, so a single-process cell measures exactly as it did. The allowances are generous (the engine
 * holds ~60 B of heap per idle connection, the load generator ~141 B): they bound the heap, they are not its size.
 */
final class ServerHeap {

    /** A JVM's heap before any connection: the app, the probe, JFR's stream, the designs' own pools. */
    static final long BASE_BYTES = 64L << 20;
    /** The engine's slot table holds ~60 B per idle connection; 1 KiB leaves room for buffers of active ones. */
    static final long ENGINE_BYTES_PER_CONNECTION = 1L << 10;
    /** Netty's channel and pipeline objects (~0.8-0.9 KiB live per idle connection measured at 10,000). */
    static final long OTHER_BYTES_PER_CONNECTION = 4L << 10;
    /**
     * A thread per connection: its session objects and read buffer, and for a virtual thread its stack chunk, live
     * on the heap: vthreads held 4.7-5.1 KiB live per connection at 50,000-100,000 (million runs of 2026-12-05), above
     * the 4 KiB allowed to others. Three times the live size leaves the young generation room. (The larger bound
     * did not move where vthreads stopped in the million suite, 250,000 on timeouts with -Xmx137m and -Xmx354m
     * alike: there the two cores, not the heap, were short.)
     */
    static final long THREAD_PER_CONNECTION_BYTES = 16L << 10;
    static final String INITIAL_HEAP = "-Xms32m";
    private static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";
    private static final List<String> HEAP_SIZE_PREFIXES = List.of("-Xms", "-Xmx", "-XX:InitialHeapSize=",
            "-XX:MaxHeapSize=", "-XX:MinHeapSize=");

    private ServerHeap() {
    }

    /** Heap each connection may need in {@code designId}'s server. */
    static long bytesPerConnection(String designId) {
        if (designId.startsWith("engine")) {
            return ENGINE_BYTES_PER_CONNECTION;
        }
        return designId.equals("vthreads") || designId.equals("threads") ? THREAD_PER_CONNECTION_BYTES
                : OTHER_BYTES_PER_CONNECTION;
    }

    /** The {@code -Xmx} in bytes for a process of {@code designId} holding {@code connectionsPerProcess}. */
    static long maxHeapBytes(String designId, long connectionsPerProcess) {
        return BASE_BYTES + connectionsPerProcess * bytesPerConnection(designId);
    }

    /**
     * {@code options} (the suite's server JVM options) for one process of a cell of {@code connections} over
     * {@code processes} processes: unchanged, or with the heap options replaced by the sized ones (see the class).
     */
    static List<String> sized(List<String> options, String designId, int connections, int processes) {
        long perProcess = Math.ceilDiv(Math.max(connections, 0), processes);
        long maxHeapBytes = maxHeapBytes(designId, perProcess);
        Long givenMaxBytes = givenMaxHeapBytes(options);
        boolean givenTooSmall = givenMaxBytes != null && givenMaxBytes < maxHeapBytes;
        if (processes == 1 && !givenTooSmall) {
            return options;
        }
        List<String> sized = new ArrayList<>();
        for (String option : options) {
            if (!option.equals(PRE_TOUCH) && HEAP_SIZE_PREFIXES.stream().noneMatch(option::startsWith)) {
                sized.add(option);
            }
        }
        sized.add(INITIAL_HEAP);
        sized.add("-Xmx" + Math.ceilDiv(maxHeapBytes, 1L << 20) + "m");
        return List.copyOf(sized);
    }

    /** The last {@code -Xmx} or {@code -XX:MaxHeapSize=} (the JVM takes the last), in bytes; null when none or unreadable. */
    static Long givenMaxHeapBytes(List<String> options) {
        Long bytes = null;
        for (String option : options) {
            if (option.startsWith("-Xmx")) {
                bytes = size(option.substring("-Xmx".length()));
            } else if (option.startsWith("-XX:MaxHeapSize=")) {
                bytes = size(option.substring("-XX:MaxHeapSize=".length()));
            }
        }
        return bytes;
    }

    /** The JVM's size syntax: digits with an optional k, m, g or t (either case). */
    private static Long size(String text) {
        if (!text.matches("[0-9]+[kKmMgGtT]?")) {
            return null;
        }
        char unit = Character.toLowerCase(text.charAt(text.length() - 1));
        int shift = switch (unit) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        String digits = shift == 0 ? text : text.substring(0, text.length() - 1);
        try {
            return Math.multiplyExact(Long.parseLong(digits), 1L << shift);
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return null;
        }
    }
}
