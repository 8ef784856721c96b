package io.reactorbench.scenarios.probe;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import io.reactorbench.results.ProbeSample;
import io.reactorbench.wire.spi.RunningServer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The server's view of itself, answered on {@code serve}'s standard input: CPU time, allocation, GC pauses, heap,
 * threads and connections, as one {@link ProbeSample} ({@link ProbeProtocol} writes it). GC pauses come from JFR
 * to the nanosecond ({@link GcPauseRecorder}); the JVM's GC notifications give the heap after each GC and, until
 * JFR records or when it cannot, the pauses in whole milliseconds, taken from the pause beans only ("ZGC Minor
 * Pauses", "G1 Young Generation"), never from the concurrent-cycle beans ("ZGC Major Cycles", "G1 Concurrent
 * GC"), whose durations are not pauses.
 */
public final class ServerProbe {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long jvmStartEpochMs = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final Set<String> heapPools = new HashSet<>();
    private final long pid = ProcessHandle.current().pid();

    private final GcPauseRecorder pauses;

    // Written by the JVM's notification thread, read by the probe's thread.
    private long notifications;
    private long heapAfterGcBytes = -1;

    private ServerProbe(GcPauseRecorder pauses) {
        this.pauses = pauses;
    }

    /**
     * Starts listening to GC notifications and starts JFR's pause stream (in the background), and readies the
     * answer's writer; call before the server starts so no pause is missed.
     */
    public static ServerProbe install() {
        ServerProbe probe = new ServerProbe(GcPauseRecorder.start());
        ProbeProtocol.prepareWriter();
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
        pauses.onGcNotification();
        if (isPauseBean(info.getGcName())) {
            pauses.onNotifiedPause(jvmStartEpochMs + gc.getStartTime(), gc.getDuration());
        }
        synchronized (this) {
            notifications++;
            heapAfterGcBytes = heapAfter;
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

    /**
     * The server's answer to STATS; the pauses listed are those since the previous call. After a GC it first waits
     * (up to a few seconds) for JFR to deliver that GC's pauses, and only then reads the clocks and counters, so
     * that everything in the answer is as of the answer.
     */
    public ProbeSample sample(RunningServer server) {
        try {
            pauses.awaitPausesNotifiedSoFar();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long timeMs = System.currentTimeMillis();
        long cpuNs = os.getProcessCpuTime();
        long allocatedBytes = threads.getTotalThreadAllocatedBytes();
        long heapUsedBytes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        GcPauseLog.Drained gc = pauses.drain();
        String source = pauses.source();
        long heapAfterGc;
        synchronized (this) {
            heapAfterGc = heapAfterGcBytes;
        }
        long rejected = server.rejectedOnFdLimit();
        return ProbeSample.inside(timeMs, cpuNs, allocatedBytes, gc.count(), gc.totalMs(), gc.maxMs(), gc.pauses(),
                heapUsedBytes, heapAfterGc, threads.getThreadCount(), server.openConnections(), pid,
                rejected >= 0 ? rejected : null, source, pauses.sourceNote());
    }
}
