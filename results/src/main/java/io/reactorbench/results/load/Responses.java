package io.reactorbench.results.load;

import java.util.Map;
import java.util.TreeMap;

/**
 * What came back in the measured window, beyond requests and latency: bytes (wrk's {@code Transfer/sec}) and, for
 * http, the answers by status code, so that a run of 404s does not pass for a fast server.
 *
 * @param bytesRead answer bytes read in the window, all connections
 * @param bytesReadPerSecond {@code bytesRead} over the window
 * @param httpStatusCounts http: answers by status code ("200" → count); null for the other apps. Sampled at the
 *        window's ends like the histograms but from other counters, so their sum may differ from {@code requests}
 *        by the few answers being recorded at those instants.
 */
public record Responses(long bytesRead, double bytesReadPerSecond, Map<String, Long> httpStatusCounts) {

    public Responses {
        httpStatusCounts = httpStatusCounts == null ? null : new TreeMap<>(httpStatusCounts);
    }

    /** From per-code counts indexed by status code (the load generator's array); null counts for non-http. */
    public static Responses of(long bytesRead, double windowSeconds, long[] countsByStatus) {
        Map<String, Long> byCode = null;
        if (countsByStatus != null) {
            byCode = new TreeMap<>();
            for (int code = 0; code < countsByStatus.length; code++) {
                if (countsByStatus[code] > 0) {
                    byCode.put(Integer.toString(code), countsByStatus[code]);
                }
            }
        }
        return new Responses(bytesRead, windowSeconds > 0 ? bytesRead / windowSeconds : 0, byCode);
    }

    /** Answers whose status is not 2xx or 3xx (wrk's "Non-2xx or 3xx responses"); 0 for non-http. */
    public long unsuccessfulHttpAnswers() {
        if (httpStatusCounts == null) {
            return 0;
        }
        return httpStatusCounts.entrySet().stream()
                .filter(e -> !(e.getKey().startsWith("2") || e.getKey().startsWith("3")))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The sum over agents (rates add: the agents ran side by side). */
    public Responses plus(Responses o) {
        Map<String, Long> codes = null;
        if (httpStatusCounts != null || o.httpStatusCounts != null) {
            codes = new TreeMap<>();
            for (Map<String, Long> counts : java.util.Arrays.asList(httpStatusCounts, o.httpStatusCounts)) {
                if (counts != null) {
                    for (Map.Entry<String, Long> e : counts.entrySet()) {
                        codes.merge(e.getKey(), e.getValue(), Long::sum);
                    }
                }
            }
        }
        return new Responses(bytesRead + o.bytesRead, bytesReadPerSecond + o.bytesReadPerSecond, codes);
    }
}
