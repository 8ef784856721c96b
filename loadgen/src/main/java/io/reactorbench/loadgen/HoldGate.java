package io.reactorbench.loadgen;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a ceiling step's hold may begin, after its settle pause (issue 18). One process holds once its own settle
 * pause is over. The agents of {@code load --agents K} do not: each reaches a step at its own pace, so the parent,
 * once every agent has settled (the moment it prints the merged {@code STEP i SETTLE} line a runner samples on),
 * names one wall-clock instant a settle pause ahead, and every agent begins that hold then. Their holds are one
 * window, so the merged rate is the rate asked for, and the runner's GC in the pause touches no hold.
 */
public final class HoldGate {

    private final boolean fromParent;
    private final long settleMs;
    private final Map<Integer, Long> holdAtEpochMs = new ConcurrentHashMap<>();

    private HoldGate(boolean fromParent, long settleMs) {
        this.fromParent = fromParent;
        this.settleMs = settleMs;
    }

    /** One process: each hold begins a settle pause after that step settled. */
    public static HoldGate afterOwnSettle(long settleNs) {
        return new HoldGate(false, settleNs / 1_000_000);
    }

    /** An agent: each hold begins at the instant the parent names ({@link #release}). */
    public static HoldGate fromParent() {
        return new HoldGate(true, 0);
    }

    /** This process has settled at step {@code step} (called once per step, before {@link #holdAt}). */
    void settled(int step) {
        if (!fromParent) {
            holdAtEpochMs.putIfAbsent(step, System.currentTimeMillis() + settleMs);
        }
    }

    /** The instant step {@code step}'s hold begins, once known. */
    OptionalLong holdAt(int step) {
        Long at = holdAtEpochMs.get(step);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** The parent's word: step {@code step}'s hold begins at {@code epochMs}. */
    public void release(int step, long epochMs) {
        holdAtEpochMs.putIfAbsent(step, epochMs);
    }

    /** The line the parent writes to an agent's stdin: {@code hold STEP EPOCH_MS}. */
    static String line(int step, long epochMs) {
        return "hold " + step + " " + epochMs;
    }

    /** Takes a {@link #line} read from stdin; false when the line is something else. */
    boolean accept(String line) {
        String[] words = line.trim().split(" ");
        if (words.length != 3 || !words[0].equals("hold")) {
            return false;
        }
        try {
            release(Integer.parseInt(words[1]), Long.parseLong(words[2]));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
