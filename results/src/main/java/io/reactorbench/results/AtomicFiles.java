package io.reactorbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a reader sees either the old content or the new, never half of it: write a
 * temporary file beside it, then rename over the target (atomic on one file system).
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void writeString(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // createTempFile would make the file owner-only (0600); results are shared (CI artifacts, other
            // users), so the temp file gets the ordinary umask-governed permissions of a new file instead.
            Path temp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + Thread.currentThread().threadId() + ".tmp");
            try {
                Files.write(temp, content);
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Moves a finished file (e.g. a histogram log written elsewhere) into place atomically. */
    public static void moveInto(Path source, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            move(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + source + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Across file systems (e.g. /tmp to the results dir) there is no atomic rename: copy beside, then rename.
            Path temp = target.resolveSibling("." + target.getFileName() + ".moving");
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(source);
        }
    }
}
