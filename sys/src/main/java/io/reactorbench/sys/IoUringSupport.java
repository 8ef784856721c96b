package io.reactorbench.sys;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether io_uring networking works here, decided once by trying it: a ring opened with the flags the engine's
 * poller uses and a provided-buffer ring registered on it. Platform support is a value ({@link #unavailabilityCause()}
 * is a sentence, or null), as for epoll ({@link LinuxSys#unavailabilityCause()}): a CLI or a test prints why instead of
 * failing. The causes it tells apart: the native bindings themselves, a kernel older than the features used (6.0:
 * multishot recv into a provided-buffer ring), the {@code kernel.io_uring_disabled} sysctl, a seccomp filter (Docker's
 * default profile blocks io_uring since 2023), and RLIMIT_MEMLOCK (which kernels before 5.12 charge rings to).
 */
public final class IoUringSupport {

    /** Multishot recv with a provided-buffer ring, the newest feature the poller cannot do without. */
    static final int MIN_KERNEL_MAJOR = 6;
    static final int MIN_KERNEL_MINOR = 0;

    private IoUringSupport() {
    }

    /** Whether io_uring networking works here. */
    public static boolean isAvailable() {
        return Probe.CAUSE == null;
    }

    /** Why it does not, or {@code null} when it does. */
    public static String unavailabilityCause() {
        return Probe.CAUSE;
    }

    /** Decided on first use, like {@link NativeBindingsProbe}. */
    private static final class Probe {
        static final String CAUSE = probe();
    }

    private static String probe() {
        if (!LinuxSys.isAvailable()) {
            return LinuxSys.unavailabilityCause();
        }
        String version = System.getProperty("os.version", "");
        if (!atLeast(version, MIN_KERNEL_MAJOR, MIN_KERNEL_MINOR)) {
            return "kernel " + version + " is older than " + MIN_KERNEL_MAJOR + "." + MIN_KERNEL_MINOR
                    + " (multishot recv into a provided-buffer ring)";
        }
        try (Arena arena = Arena.ofConfined(); IoUring ring = IoUring.open(4, 8)) {
            ProvidedBuffers buffers = new ProvidedBuffers(arena, 2, 64, 0);
            int r = buffers.register(ring);
            if (r < 0) {
                return "io_uring cannot register a provided-buffer ring: " + Errno.message(r);
            }
            return null;
        } catch (IoUringSetupException e) {
            return explain(e.negativeErrno(), e.getMessage());
        } catch (IOException e) {
            return e.getMessage();
        } catch (RuntimeException | Error e) {
            return "io_uring bindings failed: " + e;
        }
    }

    /** Why io_uring_setup said no, in the terms a user can act on. */
    static String explain(int negativeErrno, String message) {
        if (negativeErrno == -Errno.EPERM || negativeErrno == -Errno.EACCES) {
            String disabled = read("/proc/sys/kernel/io_uring_disabled");
            if ("2".equals(disabled)) {
                return message + ": disabled by the sysctl kernel.io_uring_disabled=2";
            }
            if ("1".equals(disabled)) {
                return message + ": kernel.io_uring_disabled=1 and this user is not in kernel.io_uring_group";
            }
            return message + ": blocked, most likely by a seccomp profile (" + seccompMode()
                    + "; Docker's default profile blocks io_uring)";
        }
        if (negativeErrno == -Errno.ENOSYS) {
            return message + ": this kernel has no io_uring, or a seccomp profile hides it (" + seccompMode() + ")";
        }
        if (negativeErrno == -Errno.ENOMEM) {
            return message + ": RLIMIT_MEMLOCK too low for the rings (kernels before 5.12 charge them to it;"
                    + " raise ulimit -l)";
        }
        return message;
    }

    /** True when a version such as {@code 6.18.0-1-amd64} is at least {@code major.minor}; unparseable counts as new. */
    static boolean atLeast(String version, int major, int minor) {
        String[] parts = version.split("[.\\-+]");
        try {
            int have = Integer.parseInt(parts[0]);
            int haveMinor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return have > major || (have == major && haveMinor >= minor);
        } catch (NumberFormatException e) {
            return true; // let the real calls decide
        }
    }

    private static String seccompMode() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Seccomp:")) {
                    String mode = line.substring("Seccomp:".length()).trim();
                    return "Seccomp: " + mode + (mode.equals("2") ? " = filter" : mode.equals("0") ? " = none" : "");
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through: the mode is only a hint
        }
        return "seccomp mode unknown";
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path)).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
