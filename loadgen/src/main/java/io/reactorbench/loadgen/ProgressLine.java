package io.reactorbench.loadgen;

import java.io.PrintStream;
import java.util.Locale;

/** Live progress once a second: one line rewritten in place on a terminal, plain lines otherwise. */
final class ProgressLine {

    private final PrintStream out;
    private final LoadOutputs.Progress mode;
    private int lastLength;

    ProgressLine(PrintStream out, LoadOutputs.Progress mode) {
        this.out = out;
        this.mode = mode;
    }

    void show(double elapsedSeconds, double totalSeconds, boolean warmup, int connections, double requestsPerSec,
            long errors, long p99Ns, String p99Label) {
        if (mode == LoadOutputs.Progress.NONE) {
            return;
        }
        String line = String.format(Locale.ROOT, "[%6.1fs / %.1fs]%s conns %d | %.0f req/s | errors %d | p99 %s %.3f ms",
                elapsedSeconds, totalSeconds, warmup ? " warm-up |" : "", connections, requestsPerSec, errors,
                p99Label, p99Ns / 1e6);
        if (mode == LoadOutputs.Progress.UPDATING_LINE) {
            String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
            out.print("\r" + line + pad);
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the updating line so that what follows starts on a line of its own. */
    void finish() {
        if (mode == LoadOutputs.Progress.UPDATING_LINE && lastLength > 0) {
            out.println();
        }
    }
}
