package io.reactorbench.scenarios.run;

import io.reactorbench.loadgen.StepLine;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a ceiling cell's {@code load.log} for the load generator's step lines ({@link StepLine}): the runner
 * samples the servers' memory while each step holds, so it must see a hold begin while it runs. Reads only what
 * was appended since the last call; a line still being written is kept until its end arrives.
 */
final class LoadStepWatch {

    private final Path log;
    private long offset;
    private final StringBuilder partial = new StringBuilder();

    LoadStepWatch(Path log) {
        this.log = log;
    }

    /** The step lines appended since the last call, in order; empty when none (or the log cannot be read). */
    List<StepLine.Parsed> poll() {
        List<StepLine.Parsed> lines = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return lines;
            }
            byte[] appended = new byte[(int) Math.min(length - offset, 1 << 20)];
            file.seek(offset);
            file.readFully(appended);
            offset += appended.length;
            partial.append(new String(appended, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return lines; // not there yet: the next poll reads it
        }
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, newline);
            partial.delete(0, newline + 1);
            StepLine.parse(line).ifPresent(lines::add);
        }
        return lines;
    }
}
