package io.reactorbench.results;

/**
 * What a slowread cell measured instead of latency: clients that read their answers at a throttled rate, so the
 * question is whether the server pushes back (its clients' sends stall) or buffers without bound (the clients
 * get their whole in-flight cap accepted while the server's memory grows). Copied from load.json's
 * {@code slowRead}; bytes count the measured window, stalls the whole run.
 *
 * @param bytesSent           request bytes the server's sockets accepted in the window
 * @param bytesRead           answer bytes the clients read in the window
 * @param bytesSentPerSecond  bytesSent / windowSeconds
 * @param bytesReadPerSecond  bytesRead / windowSeconds
 * @param stalls              times a client's socket refused more bytes (the server pushed back)
 * @param stallSeconds        time connections spent refused, summed over connections
 * @param longestStallSeconds the longest single refusal
 * @param connectionsAtCap    connections that got their whole in-flight cap accepted: the server buffered
 * @param readRateBytesPerSec the read rate asked of each connection, when load.json says it
 * @param maxInFlightBytes    the in-flight cap per connection, when load.json says it
 */
public record SlowReadSummary(
        long bytesSent,
        long bytesRead,
        double bytesSentPerSecond,
        double bytesReadPerSecond,
        long stalls,
        double stallSeconds,
        double longestStallSeconds,
        int connectionsAtCap,
        Long readRateBytesPerSec,
        Long maxInFlightBytes) {
}
