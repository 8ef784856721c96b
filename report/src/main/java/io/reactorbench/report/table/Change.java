package io.reactorbench.report.table;

import io.reactorbench.results.Spread;
import io.reactorbench.results.metric.Metric;

/**
 * How one metric of one cell moved from run A to run B. {@code beyondSpread}: B's median lies outside A's
 * min–max and A's median outside B's — a change larger than the trials' own scatter, not noise. A side with
 * one trial has no scatter to judge by: its min–max is a point that any other value lies outside.
 */
public record Change(Metric metric, Spread a, Spread b) {

    /** (B − A) / A; NaN when either run lacks the value or A is zero. */
    public double fraction() {
        if (!a.isPresent() || !b.isPresent() || a.median() == 0) {
            return Double.NaN;
        }
        return (b.median() - a.median()) / Math.abs(a.median());
    }

    /** Whether both sides ran more than one trial, so that their min–max says how far the metric scatters. */
    public boolean hasSpread() {
        return a.n() > 1 && b.n() > 1;
    }

    public boolean beyondSpread() {
        return hasSpread() && !a.covers(b.median()) && !b.covers(a.median());
    }

    public boolean isImprovement() {
        return metric.better().isBetter(b.median(), a.median());
    }
}
