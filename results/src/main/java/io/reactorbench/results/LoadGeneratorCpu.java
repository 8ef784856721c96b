package io.reactorbench.results;

/**
 * How busy the load generator was during the measured window. A load generator that used (nearly) all of its
 * CPU bounded the throughput itself: the server could have done more, and throughput ratios between designs
 * shrink toward 1. Server CPU per request still compares designs then.
 *
 * @param cpuSeconds           CPU time of the load generator's process(es) in the window ({@code clientCpuSeconds})
 * @param cpusUsed             cpuSeconds / windowSeconds: CPUs' worth of work (1.0 = one core busy all the time)
 * @param threads              load generator threads (workers), or null when load.json does not say
 * @param cpusAvailable        CPUs the load generator could run on (its pinned set, else the machine's)
 * @param perThreadUtilisation cpusUsed / threads, or null without threads
 * @param utilisation          cpusUsed / min(threads, cpusAvailable): 1.0 = every CPU it could use was busy
 * @param saturated            utilisation ≥ {@link #SATURATED_AT}
 */
public record LoadGeneratorCpu(
        double cpuSeconds,
        double cpusUsed,
        Integer threads,
        Integer cpusAvailable,
        Double perThreadUtilisation,
        double utilisation,
        boolean saturated) {

    /** From this share of its CPU(s) on, the load generator is taken to be the bottleneck. */
    public static final double SATURATED_AT = 0.90;

    /** Null when the window or the CPU time is unknown. */
    public static LoadGeneratorCpu of(Double cpuSeconds, double windowSeconds, Integer threads, Integer cpusAvailable) {
        if (cpuSeconds == null || cpuSeconds < 0 || windowSeconds <= 0) {
            return null;
        }
        double cpusUsed = cpuSeconds / windowSeconds;
        Integer knownThreads = threads != null && threads > 0 ? threads : null;
        Integer knownCpus = cpusAvailable != null && cpusAvailable > 0 ? cpusAvailable : null;
        int capacity = knownThreads != null && knownCpus != null ? Math.min(knownThreads, knownCpus)
                : knownCpus != null ? knownCpus : knownThreads != null ? knownThreads : 1;
        double utilisation = cpusUsed / capacity;
        return new LoadGeneratorCpu(cpuSeconds, cpusUsed, knownThreads, knownCpus,
                knownThreads == null ? null : cpusUsed / knownThreads, utilisation, utilisation >= SATURATED_AT);
    }
}
