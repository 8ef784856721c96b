package io.reactorbench.wire.spi;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The workload a server design serves. The id is what the CLI, suite files and reports use. */
public enum App {
    /** Every byte read is written back. */
    ECHO,
    /** Length-prefixed request/response frames with simulated server work; see {@code io.reactorbench.wire.rpc}. */
    RPC,
    /** HTTP/1.1 keep-alive and pipelining, TechEmpower plaintext; see {@code io.reactorbench.wire.http}. */
    HTTP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an app id; the exception message is a one-line user error. */
    public static App parse(String id) {
        for (App app : values()) {
            if (app.id().equalsIgnoreCase(id)) {
                return app;
            }
        }
        throw new IllegalArgumentException("unknown app '" + id + "' (known: "
                + Arrays.stream(values()).map(App::id).collect(Collectors.joining(", ")) + ")");
    }
}
