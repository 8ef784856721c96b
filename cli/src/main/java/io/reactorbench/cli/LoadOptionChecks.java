package io.reactorbench.cli;

import io.reactorbench.loadgen.RateStages;
import io.reactorbench.loadgen.Threshold;
import io.reactorbench.wire.units.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks of {@code load}'s options that must fail before any connection is opened: a run of minutes that ends
 * in "cannot write the result" wastes the minutes. Each failure is a {@link UserError} (exit 2, one line).
 */
final class LoadOptionChecks {

    /** The output path that means standard output, as for most Unix tools. */
    static final String STDOUT = "-";

    private LoadOptionChecks() {
    }

    /** Zero and negative rates are refused by name; a rate of 0 used to select the closed loop silently. */
    static void requirePositiveRate(Double ratePerSec) {
        if (ratePerSec != null && !(ratePerSec > 0)) {
            throw new UserError("--rate must be > 0");
        }
    }

    static boolean isStdout(Path file) {
        return file != null && file.toString().equals(STDOUT);
    }

    /**
     * Fails unless {@code file} can be created where it is asked for: not a directory, its directory creatable,
     * and a file creatable in that directory (tried with a probe file that is removed again). Null passes.
     */
    static void requireWritable(String option, Path file) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new UserError(option + " " + file + " is a directory; give a file name");
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path probe = Files.createTempFile(parent, "." + file.getFileName(), ".probe");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            throw new UserError("cannot write " + option + " " + file + " (" + describe(e) + ")");
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.NoSuchFileException ? "no such directory"
                : message == null ? e.getClass().getSimpleName() : message;
    }

    /** Parses every {@code --threshold} before the run, so a typo costs nothing. */
    static List<Threshold> thresholds(List<String> texts) {
        try {
            return texts.stream().map(Threshold::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * The measured window of a staged run: the stages are the whole run and the warm-up is their start, so the
     * window is what the stages last beyond the warm-up.
     */
    static long stagedWindowNs(RateStages stages, long warmupNs, boolean durationGiven) {
        if (durationGiven) {
            throw new UserError("--stages sets the run's length; leave out --duration");
        }
        long windowNs = stages.totalNs() - warmupNs;
        if (windowNs <= 0) {
            throw new UserError("--stages last " + Durations.toSeconds(stages.totalNs()) + " s, not longer than the "
                    + Durations.toSeconds(warmupNs) + " s warm-up: nothing would be measured (lengthen them or"
                    + " shorten --warmup)");
        }
        return windowNs;
    }
}
