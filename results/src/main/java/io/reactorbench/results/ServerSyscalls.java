package io.reactorbench.results;

import java.util.Map;
import java.util.TreeMap;

/**
 * The server's system calls per request in the measured window, by name: why one design costs less CPU than another
 * (issue 21). An io_uring design answers many requests per {@code io_uring_enter}; an epoll design pays an
 * {@code epoll_wait} per wake-up and a {@code read} and a {@code write} per request.
 *
 * <p>Counted inside the kernel by perf's syscall tracepoints attached to the server's processes ({@code perf stat
 * -e syscalls:sys_enter_<name> -p <pid>}: counters, not a trace, so nothing is copied to user space per call), in
 * intervals; the intervals that lie inside the measured window are summed and divided by the requests answered over
 * the time they cover. Counting sends every system call of the machine through the tracepoint's slow path: measured
 * here, +8.5 % server CPU per echo round trip at 1,000 connections, on the C epoll floor and on engine-epoll alike
 * (median of 4 interleaved rounds, {@code scripts/pingpong/syscall-count-overhead.sh}, 2026-12-05). So it is opt-in
 * ({@code run --syscalls}) and the CPU figures of a counted run carry that cost: compare CPU across runs counted alike.
 *
 * @param perRequest      calls per request by syscall name ({@code read}, {@code write}, {@code recvfrom},
 *                        {@code sendto}, {@code epoll_wait}, {@code io_uring_enter} …; {@code total} is every system
 *                        call of the process), names with no call in the window left out
 * @param countedSeconds  the time the summed intervals cover (inside the measured window)
 * @param method          how they were counted, as a sentence
 */
public record ServerSyscalls(Map<String, Double> perRequest, double countedSeconds, String method) {

    /** The name under which every system call of the server is counted ({@code raw_syscalls:sys_enter}). */
    public static final String TOTAL = "total";

    public ServerSyscalls {
        perRequest = perRequest == null ? Map.of() : new TreeMap<>(perRequest);
    }

    /** Calls per request of {@code name}, 0 when none was counted. */
    public double of(String name) {
        return perRequest.getOrDefault(name, 0.0);
    }
}
