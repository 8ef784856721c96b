package io.reactorbench.loadgen;

import io.reactorbench.results.ErrorCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/** Errors of all workers, counted by kind; the first few are described in words. */
public final class ErrorLog {

    public static final int DESCRIBED = 5;

    private final AtomicLongArray counts = new AtomicLongArray(ErrorKind.values().length);
    private final List<String> first = new ArrayList<>();

    public void record(ErrorKind kind, String description) {
        counts.incrementAndGet(kind.ordinal());
        synchronized (first) {
            if (first.size() < DESCRIBED) {
                first.add(kind.id() + ": " + description);
            }
        }
    }

    public ErrorCounts snapshot() {
        return new ErrorCounts(counts.get(ErrorKind.CONNECT.ordinal()), counts.get(ErrorKind.TIMEOUT.ordinal()),
                counts.get(ErrorKind.RESET.ordinal()), counts.get(ErrorKind.PROTOCOL.ordinal()));
    }

    public List<String> firstDescriptions() {
        synchronized (first) {
            return List.copyOf(first);
        }
    }
}
