package io.reactorbench.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import io.reactorbench.wire.spi.RunningServer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The server's view of itself, answered on {@code serve}'s standard input: CPU time, allocation, GC pauses,
 * heap, threads and connections, as one JSON line. GC pauses come from the JVM's GC notifications of the
 * pause beans only ("ZGC Minor Pauses", "G1 Young Generation"), never from the concurrent-cycle beans
 * ("ZGC Major Cycles", "G1 Concurrent GC"), whose durations are not pauses.
 */
final class ServerProbe {

    /** Pauses kept between two STATS; a runner samples every second or so, so this only guards a forgotten probe. */
    private static final int MAX_PAUSES_KEPT = 10_000;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long jvmStartEpochMs = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final Set<String> heapPools = new HashSet<>();
    private final long pid = ProcessHandle.current().pid();

    // Written by the JVM's notification thread, read by the probe's thread.
    private final ArrayDeque<long[]> recentPauses = new ArrayDeque<>();
    private long notifications;
    private long pauseCount;
    private long pauseTotalMs;
    private long pauseMaxMs;
    private long heapAfterGcBytes = -1;

    private ServerProbe() {
    }

    /** Starts listening to GC notifications; call before the server starts so no pause is missed. */
    static ServerProbe install() {
        ServerProbe probe = new ServerProbe();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                probe.heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> probe.onNotification(notification),
                        n -> GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType()), null);
            }
        }
        return probe;
    }

    static boolean isPauseBean(String gcName) {
        return !gcName.contains("Cycles") && !gcName.contains("Concurrent");
    }

    private void onNotification(Notification notification) {
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        GcInfo gc = info.getGcInfo();
        long heapAfter = heapUsed(gc.getMemoryUsageAfterGc());
        synchronized (this) {
            notifications++;
            heapAfterGcBytes = heapAfter;
            if (!isPauseBean(info.getGcName())) {
                return;
            }
            long durationMs = gc.getDuration();
            pauseCount++;
            pauseTotalMs += durationMs;
            pauseMaxMs = Math.max(pauseMaxMs, durationMs);
            if (recentPauses.size() == MAX_PAUSES_KEPT) {
                recentPauses.removeFirst();
            }
            recentPauses.addLast(new long[] {jvmStartEpochMs + gc.getStartTime(), durationMs});
        }
    }

    private long heapUsed(Map<String, MemoryUsage> usageByPool) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : usageByPool.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    synchronized long notifications() {
        return notifications;
    }

    /** One JSON object; the pauses listed are those since the previous call. */
    String statsJson(RunningServer server) {
        long timeMs = System.currentTimeMillis();
        long cpuNs = os.getProcessCpuTime();
        long allocatedBytes = threads.getTotalThreadAllocatedBytes();
        long heapUsedBytes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        StringBuilder json = new StringBuilder(256)
                .append("{\"timeMs\":").append(timeMs)
                .append(",\"cpuNs\":").append(cpuNs)
                .append(",\"allocatedBytes\":").append(allocatedBytes);
        synchronized (this) {
            json.append(",\"gcCount\":").append(pauseCount)
                    .append(",\"gcPauseTotalMs\":").append(pauseTotalMs)
                    .append(",\"gcPauseMaxMs\":").append(pauseMaxMs)
                    .append(",\"pauses\":[");
            String separator = "";
            for (long[] pause : recentPauses) {
                json.append(separator).append('[').append(pause[0]).append(',').append(pause[1]).append(']');
                separator = ",";
            }
            recentPauses.clear();
            json.append("],\"heapUsedBytes\":").append(heapUsedBytes)
                    .append(",\"heapAfterGcBytes\":").append(heapAfterGcBytes);
        }
        return json.append(",\"threads\":").append(threads.getThreadCount())
                .append(",\"connections\":").append(server.openConnections())
                .append(",\"pid\":").append(pid)
                .append('}').toString();
    }
}
