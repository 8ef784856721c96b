package io.reactorbench.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of this machine and process that decide why {@code io_uring_setup} is refused, and the reason they give,
 * in words a user can act on (issue 21): the kernel, the {@code kernel.io_uring_disabled} sysctl and its group, a
 * seccomp filter, RLIMIT_MEMLOCK. {@link IoUringSupport} makes the real call; this record explains its errno. A pure
 * function of the facts, so each reason is tested with injected values rather than by breaking a machine.
 *
 * @param kernelRelease   {@code uname -r}, e.g. {@code 6.18.0-1-amd64}
 * @param disabledSetting {@code /proc/sys/kernel/io_uring_disabled} (0 allowed, 1 only CAP_SYS_ADMIN and a group may
 *                        create rings, 2 nobody); null where the setting does not exist (before Linux 6.6)
 * @param ringGroup       {@code /proc/sys/kernel/io_uring_group}, the gid setting 1 lets through; null when absent
 * @param seccompFiltered {@code /proc/self/status} says {@code Seccomp: 2}: a seccomp filter is active, as in every
 *                        container run with Docker's default profile (which blocks io_uring since 2023)
 * @param memlockBytes    the RLIMIT_MEMLOCK soft limit ({@link Long#MAX_VALUE}: unlimited); null when unknown
 */
public record IoUringFacts(String kernelRelease, Integer disabledSetting, Integer ringGroup, boolean seccompFiltered,
                           Long memlockBytes) {

    /** io_uring_setup and io_uring_enter appeared in Linux 5.1. */
    static final int[] FIRST_KERNEL = {5, 1};
    /** From Linux 5.12 rings are charged to the memory cgroup; before, to RLIMIT_MEMLOCK. */
    static final int[] MEMCG_ACCOUNTING_KERNEL = {5, 12};

    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)");

    /** Why {@code io_uring_setup} failed with {@code errno} here: the clause after "io_uring_setup: EPERM: ". */
    public String whySetupFailed(int errno) {
        int[] version = majorMinor(kernelRelease);
        if (errno == Errno.EPERM || errno == Errno.EACCES) {
            if (disabledSetting != null && disabledSetting == 2) {
                return "io_uring is disabled on this machine (sysctl kernel.io_uring_disabled = 2; 0 allows it)";
            }
            if (disabledSetting != null && disabledSetting == 1) {
                return "sysctl kernel.io_uring_disabled = 1 lets only CAP_SYS_ADMIN and the group "
                        + (ringGroup == null || ringGroup < 0 ? "kernel.io_uring_group (unset)" : "with gid " + ringGroup)
                        + " create rings, and this process is neither";
            }
        }
        if ((errno == Errno.EPERM || errno == Errno.EACCES || errno == Errno.ENOSYS) && seccompFiltered) {
            return "a seccomp filter is active (Seccomp: 2 in /proc/self/status): container runtimes' default profiles"
                    + " block io_uring (Docker's since 2023); allow io_uring_setup, io_uring_enter and"
                    + " io_uring_register in the profile";
        }
        if (errno == Errno.ENOSYS) {
            return version != null && older(version, FIRST_KERNEL)
                    ? "kernel " + kernelRelease + " has no io_uring (it came in Linux 5.1)"
                    : "this kernel has no io_uring (built without CONFIG_IO_URING)";
        }
        if (errno == Errno.ENOMEM) {
            String limit = memlockBytes == null ? "unknown" : memlockBytes == Long.MAX_VALUE ? "unlimited"
                    : memlockBytes / 1024 + " KiB";
            return version != null && older(version, MEMCG_ACCOUNTING_KERNEL)
                    ? "before Linux 5.12 rings count against RLIMIT_MEMLOCK (" + limit + " here); raise it (ulimit -l,"
                            + " or LimitMEMLOCK= in systemd)"
                    : "out of memory for the rings (this kernel charges them to the memory cgroup, not RLIMIT_MEMLOCK,"
                            + " " + limit + " here)";
        }
        if (errno == Errno.EPERM || errno == Errno.EACCES) {
            return "refused although kernel.io_uring_disabled allows it and no seccomp filter is active: a security"
                    + " module (SELinux, AppArmor) or the container runtime forbids io_uring here";
        }
        return Errno.message(errno);
    }

    /** The facts of this machine and process, read from {@code /proc}. */
    public static IoUringFacts here() {
        Path proc = Path.of("/proc");
        return new IoUringFacts(System.getProperty("os.version", "unknown"),
                integer(read(proc.resolve("sys/kernel/io_uring_disabled"))),
                integer(read(proc.resolve("sys/kernel/io_uring_group"))),
                seccompFiltered(read(proc.resolve("self/status"))), memlockBytes(read(proc.resolve("self/limits"))));
    }

    /** {major, minor} of a kernel release string, or null when it does not start with them. */
    static int[] majorMinor(String release) {
        Matcher m = RELEASE.matcher(release == null ? "" : release);
        return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
    }

    private static boolean older(int[] version, int[] than) {
        return version[0] < than[0] || version[0] == than[0] && version[1] < than[1];
    }

    /** Whether a {@code /proc/<pid>/status} text says a seccomp filter is active ({@code Seccomp: 2}). */
    static boolean seccompFiltered(String status) {
        return status != null && Pattern.compile("(?m)^Seccomp:\\s*2\\s*$").matcher(status).find();
    }

    /** The soft "Max locked memory" of a {@code /proc/<pid>/limits} text; null when absent. */
    static Long memlockBytes(String limits) {
        Matcher m = Pattern.compile("(?m)^Max locked memory\\s+(\\S+)").matcher(limits == null ? "" : limits);
        if (!m.find()) {
            return null;
        }
        return m.group(1).equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(m.group(1));
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.parseInt(text.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | SecurityException absent) {
            return null;
        }
    }
}
