package io.reactorbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the server cost during the measured window. Every field is null when it could not be measured:
 * an {@code external:} design has no inside probe, so {@code allocatedBytesPerRequest}, {@code gc},
 * {@code heapUsedBytes} are null there.
 *
 * @param cpuUsPerRequest          Δ(utime+stime of the server process) / requests, in µs
 * @param allocatedBytesPerRequest Δ(bytes allocated by all JVM threads) / requests
 * @param rssBytes                 resident set size at the end of the window
 * @param heapUsedBytes            heap in use at the end of the window
 * @param threads                  live threads at the end of the window
 * @param rejectedOnFdLimit        connections the server accepted and closed at once in the cell because it had no
 *                                 file descriptor left (it survived EMFILE); null when the design does not count them
 * @param syscalls                 the server's system calls per request by name ({@link ServerSyscalls}); null (not
 *                                 written) unless the run counted them ({@code run --syscalls})
 */
public record ServerMetrics(
        Double cpuUsPerRequest,
        Double allocatedBytesPerRequest,
        GcPauses gc,
        Long rssBytes,
        Long heapUsedBytes,
        Integer threads,
        Long rejectedOnFdLimit,
        @JsonInclude(JsonInclude.Include.NON_NULL) ServerSyscalls syscalls) {

    public static final ServerMetrics UNKNOWN = new ServerMetrics(null, null, null, null, null, null, null, null);

    /** Metrics without the fd-limit count (as written before it was added). */
    public ServerMetrics(Double cpuUsPerRequest, Double allocatedBytesPerRequest, GcPauses gc, Long rssBytes,
                         Long heapUsedBytes, Integer threads) {
        this(cpuUsPerRequest, allocatedBytesPerRequest, gc, rssBytes, heapUsedBytes, threads, null, null);
    }

    /** The same metrics with the server's system calls per request. */
    public ServerMetrics withSyscalls(ServerSyscalls counted) {
        return new ServerMetrics(cpuUsPerRequest, allocatedBytesPerRequest, gc, rssBytes, heapUsedBytes, threads,
                rejectedOnFdLimit, counted);
    }
}
