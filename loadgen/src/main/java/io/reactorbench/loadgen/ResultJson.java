package io.reactorbench.loadgen;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@link LoadResult} as JSON; files are written atomically (temp file, then rename). */
public final class ResultJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ResultJson() {
    }

    public static void write(LoadResult result, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                MAPPER.writeValue(out, result);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            // Gone after a successful move; after a failed one (the target is a directory, say) not left behind.
            Files.deleteIfExists(temp);
        }
    }

    public static String toJson(LoadResult result) {
        return MAPPER.writeValueAsString(result);
    }

    public static LoadResult read(Path file) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), LoadResult.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IOException("cannot read load result " + file + ": " + e.getOriginalMessage(), e);
        }
    }
}
