package io.reactorbench.sys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines of {@code /proc/meminfo} that say how much memory a run may still take, and how much the kernel's own
 * objects hold (a loopback connection's sockets live in slab: ~10 KB per pair here).
 *
 * @param totalBytes     MemTotal; -1 when unknown
 * @param availableBytes MemAvailable (what can be allocated without swapping or the OOM killer); -1 when unknown
 * @param slabBytes      Slab (the kernel's object caches, sockets among them); -1 when unknown
 */
public record MemInfo(long totalBytes, long availableBytes, long slabBytes) {

    /** Without the slab line (what callers that only guard memory need). */
    public MemInfo(long totalBytes, long availableBytes) {
        this(totalBytes, availableBytes, -1);
    }

    private static final Path MEMINFO = Path.of("/proc/meminfo");
    /**
     * Names a file read instead of /proc/meminfo, in the same format: how a test makes the memory guard trip at a
     * step of its choosing in child processes it cannot reach otherwise. Not for real runs.
     */
    public static final String OVERRIDE_ENV = "REACTORBENCH_MEMINFO";

    public static final MemInfo UNKNOWN = new MemInfo(-1, -1);

    /** This machine now. */
    public static MemInfo current() {
        // Not Files.readString: /proc files report a size of 0 (or 1), which it trusts; a stream reads to the end.
        String override = System.getenv(OVERRIDE_ENV);
        try (var in = Files.newInputStream(override == null || override.isBlank() ? MEMINFO : Path.of(override))) {
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** From the text of /proc/meminfo, whitespace folded or not ({@code MemTotal: 24683748 kB ...}). */
    public static MemInfo parse(String meminfo) {
        if (meminfo == null) {
            return UNKNOWN;
        }
        long total = -1;
        long available = -1;
        long slab = -1;
        String[] words = meminfo.split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("MemTotal:")) {
                total = kibToBytes(words[i + 1]);
            } else if (words[i].equals("MemAvailable:")) {
                available = kibToBytes(words[i + 1]);
            } else if (words[i].equals("Slab:")) {
                slab = kibToBytes(words[i + 1]);
            }
        }
        return new MemInfo(total, available, slab);
    }

    private static long kibToBytes(String kib) {
        try {
            return Long.parseLong(kib) * 1024; // meminfo's "kB" are KiB
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "1.8 GiB": how doctor and the guard print memory. */
    public static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
