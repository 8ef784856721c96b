package io.reactorbench.loadgen;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a file another process writes its output to, for the ceiling model's {@link StepLine}s: each
 * {@link #poll} returns the step lines completed since the last one. A line still being written stays in the file
 * until its newline arrives. Used by the agents' parent on each child's output ({@link AgentStepLines}) and by a
 * runner on a cell's load.log, so the two read the same format the same way.
 */
public final class StepLineFollower {

    private final Path file;
    private long offset;

    public StepLineFollower(Path file) {
        this.file = file;
    }

    /** The step lines completed since the last call, in order; empty when none (or the file is not there yet). */
    public List<StepLine.Parsed> poll() {
        List<StepLine.Parsed> lines = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(offset);
            byte[] added = new byte[(int) Math.max(0, Math.min(in.length() - offset, 1 << 20))];
            in.readFully(added);
            int lastNewline = lastIndexOf(added, (byte) '\n');
            if (lastNewline < 0) {
                return lines;
            }
            offset += lastNewline + 1;
            new String(added, 0, lastNewline, StandardCharsets.UTF_8).lines()
                    .forEach(line -> StepLine.parse(line).ifPresent(lines::add));
        } catch (IOException e) {
            // not created yet, or gone: read again on the next poll
        }
        return lines;
    }

    private static int lastIndexOf(byte[] bytes, byte b) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
