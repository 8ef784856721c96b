package io.reactorbench.sys;

import java.io.IOException;
import java.lang.foreign.Arena;

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

    /** Why io_uring_setup said no, in the terms a user can act on ({@link IoUringFacts}: kernel, sysctl, seccomp). */
    static String explain(int negativeErrno, String message) {
        return message + ": " + IoUringFacts.here().whySetupFailed(-negativeErrno);
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
}
