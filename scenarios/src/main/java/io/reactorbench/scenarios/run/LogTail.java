package io.reactorbench.scenarios.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The last meaningful line of a child's log: the reason a failed cell gives. */
final class LogTail {

    private static final int TAIL_BYTES = 8192;

    private LogTail() {
    }

    /** Last non-blank line that is not a JVM warning or a stack frame, or null. */
    static String lastLine(Path file) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                String line = lines[i].strip();
                if (!line.isEmpty() && !line.startsWith("at ") && !line.startsWith("WARNING:") && !line.startsWith("...")) {
                    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
