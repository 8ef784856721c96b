package io.reactorbench.loadgen;

import org.HdrHistogram.Histogram;

/**
 * Where a run hands each interval histogram as it logs it, besides (or instead of) its {@code --hlog}: an agent of a
 * coordinated load streams them to its coordinator ({@link io.reactorbench.loadgen.coordinator.CoordinatorLink}).
 */
@FunctionalInterface
public interface IntervalSink {

    /**
     * One interval, its tag ({@link IntervalLogTags}) and wall-clock start and end stamps set, as the log writes it.
     * The histogram is reused once this returns: encode or copy it here.
     */
    void accept(Histogram interval);
}
