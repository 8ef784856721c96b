package io.reactorbench.scenarios.machine;

/**
 * The two lines of {@code /proc/meminfo} that say how much memory a run may still take.
 *
 * @param totalBytes     MemTotal; -1 when unknown
 * @param availableBytes MemAvailable (what can be allocated without swapping or the OOM killer); -1 when unknown
 */
public record MemInfo(long totalBytes, long availableBytes) {

    public static final MemInfo UNKNOWN = new MemInfo(-1, -1);

    /** This machine now. */
    public static MemInfo current() {
        return parse(ProcValues.procValue("/proc/meminfo"));
    }

    /** From the text of /proc/meminfo, whitespace folded or not ({@code MemTotal: 24683748 kB ...}). */
    static MemInfo parse(String meminfo) {
        if (meminfo == null) {
            return UNKNOWN;
        }
        long total = -1;
        long available = -1;
        String[] words = meminfo.split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("MemTotal:")) {
                total = kibToBytes(words[i + 1]);
            } else if (words[i].equals("MemAvailable:")) {
                available = kibToBytes(words[i + 1]);
            }
        }
        return new MemInfo(total, available);
    }

    private static long kibToBytes(String kib) {
        try {
            return Long.parseLong(kib) * 1024; // meminfo's "kB" are KiB
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "1.8 GiB": how doctor and the guard print memory. */
    static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
