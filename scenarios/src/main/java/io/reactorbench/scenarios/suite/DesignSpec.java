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
 */
public record DesignSpec(String id, String name, Integer loops, Map<String, String> options, List<String> jvmOptions,
                         int line) {

    public static final String EXTERNAL_PREFIX = "external:";

    public DesignSpec {
        options = Map.copyOf(options);
        jvmOptions = List.copyOf(jvmOptions);
    }

    public static DesignSpec of(String id) {
        return new DesignSpec(id, id, null, Map.of(), List.of(), 0);
    }

    public boolean external() {
        return id.startsWith(EXTERNAL_PREFIX);
    }

    /** The shell command of an external design, with {@code {port}} still in it. */
    public String externalCommand() {
        return id.substring(EXTERNAL_PREFIX.length()).trim();
    }
}
