package io.reactorbench.loadgen.coordinator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The run's secret that admits its agents: read from a file (in Kubernetes a mounted Secret), never from the command
 * line, where {@code ps} would show it. Surrounding whitespace (the newline an editor or {@code echo} adds) is not
 * part of it.
 */
public record AgentToken(String value) {

    public AgentToken {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the token is empty");
        }
    }

    /** @throws IllegalArgumentException when the file is missing, unreadable or holds no token (one line) */
    public static AgentToken read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--token-file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --token-file " + file + ": " + e.getMessage());
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("--token-file " + file + " is empty");
        }
        return new AgentToken(text);
    }

    /** Whether {@code presented} is this token, compared in time independent of where they differ. */
    public boolean admits(String presented) {
        return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Never the secret itself: records and logs print this. */
    @Override
    public String toString() {
        return "AgentToken[redacted]";
    }
}
