package io.reactorbench.scenarios.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the kernel facts {@code doctor} reports; every reader returns null when it cannot tell. */
final class ProcValues {

    private ProcValues() {
    }

    static String procValue(String path) {
        // Not Files.readString: on /proc/sys files it returns only the first byte (they report a size of 0 or 1).
        try (var in = Files.newInputStream(Path.of(path))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim().replaceAll("\\s+", " ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Long procLong(String path) {
        String value = procValue(path);
        try {
            return value == null ? null : Long.parseLong(value.split(" ")[0]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Size of the ephemeral port range: connections one client address can open to one server address. */
    static Long ephemeralPorts() {
        String range = procValue("/proc/sys/net/ipv4/ip_local_port_range");
        if (range == null) {
            return null;
        }
        String[] bounds = range.split(" ");
        return Long.parseLong(bounds[1]) - Long.parseLong(bounds[0]) + 1;
    }
}
