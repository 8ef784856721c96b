package io.reactorbench.loadgen;

import java.util.Locale;

/** The protocol the load generator speaks; names match the server apps of {@code wire}. */
public enum AppKind {
    ECHO, RPC, HTTP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AppKind parse(String text) {
        for (AppKind app : values()) {
            if (app.id().equalsIgnoreCase(text.trim())) {
                return app;
            }
        }
        throw new IllegalArgumentException("unknown app '" + text + "' (expected echo, rpc or http)");
    }
}
