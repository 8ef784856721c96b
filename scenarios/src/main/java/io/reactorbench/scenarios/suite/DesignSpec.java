package io.reactorbench.scenarios.suite;

import java.util.List;
import java.util.Map;

/**
 * One design as a suite names it.
 *
 * @param id         a design id ({@code netty-epoll}) or {@code external:<command with {port}>}
 * @param name       label in results and tables; the id unless the suite gives one (useful for external designs)
 * @param loops      event loops for this design; null = the suite's {@code server.loops}, or the design's default
 * @param options    design options passed as {@code --option k=v}; checked against the design, unlike suite-wide ones
 * @param jvmOptions server JVM options added after the suite's {@code serverJvmOptions}
 * @param line       where the suite file names it, for error messages
 * @param processes  server processes that share one port with SO_REUSEPORT (gnet's "prefork"), 1 by default;
 *                   {@link #AUTO_PROCESSES} until the runner resolved it per cell to as many as the cell's
 *                   connections need under the open-files limit
 */
public record DesignSpec(String id, String name, Integer loops, Map<String, String> options, List<String> jvmOptions,
                         int line, int processes) {

    public static final String EXTERNAL_PREFIX = "external:";
    /** {@code processes: auto}: enough processes that none holds more connections than the open-files limit allows. */
    public static final int AUTO_PROCESSES = -1;

    public DesignSpec {
        options = Map.copyOf(options);
        jvmOptions = List.copyOf(jvmOptions);
        if (processes < 1 && processes != AUTO_PROCESSES) {
            throw new IllegalArgumentException("processes must be at least 1 (or auto), got " + processes);
        }
    }

    /** A design served by one process. */
    public DesignSpec(String id, String name, Integer loops, Map<String, String> options, List<String> jvmOptions,
                      int line) {
        this(id, name, loops, options, jvmOptions, line, 1);
    }

    public static DesignSpec of(String id) {
        return new DesignSpec(id, id, null, Map.of(), List.of(), 0);
    }

    /** Whether it runs as several processes sharing a port (or as many as a cell needs): it must be able to. */
    public boolean sharesPort() {
        return processes != 1;
    }

    public boolean external() {
        return id.startsWith(EXTERNAL_PREFIX);
    }

    /** The shell command of an external design, with {@code {port}} still in it. */
    public String externalCommand() {
        return id.substring(EXTERNAL_PREFIX.length()).trim();
    }
}
