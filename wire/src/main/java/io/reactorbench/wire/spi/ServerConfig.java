package io.reactorbench.wire.spi;

import java.util.Map;
import java.util.Objects;

/**
 * How to start one server design.
 *
 * @param host    address to bind (loopback by default)
 * @param port    port to bind; 0 picks a free one (read it back from {@link RunningServer#address()})
 * @param loops   event loops (reactor designs) or acceptor/worker threads hint; 0 means the design's default
 *                (for reactors: available processors)
 * @param app     the workload to serve
 * @param options design-specific options, e.g. {@code lb=round-robin}, {@code reuse-port=true},
 *                {@code edge-triggered=true}; a design rejects keys it does not know (see
 *                {@link ServerDesign#supportedOptions()})
 */
public record ServerConfig(String host, int port, int loops, App app, Map<String, String> options) {

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(app, "app");
        options = Map.copyOf(options);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 0..65535");
        }
        if (loops < 0) {
            throw new IllegalArgumentException("loops must be >= 0, got " + loops);
        }
    }

    public static ServerConfig of(App app) {
        return new ServerConfig("127.0.0.1", 0, 0, app, Map.of());
    }

    public ServerConfig withLoops(int newLoops) {
        return new ServerConfig(host, port, newLoops, app, options);
    }

    public ServerConfig withOptions(Map<String, String> newOptions) {
        return new ServerConfig(host, port, loops, app, newOptions);
    }

    /** The loops to use: the configured number, or available processors when 0. */
    public int effectiveLoops() {
        return loops > 0 ? loops : Runtime.getRuntime().availableProcessors();
    }

    public String option(String key, String defaultValue) {
        return options.getOrDefault(key, defaultValue);
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(options.getOrDefault(key, "false"));
    }
}
