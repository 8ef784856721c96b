package io.reactorbench.conformance;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

/**
 * What the servers in this JVM hold, measured the same way for every design (they all run in the test JVM): live
 * heap after a full collection plus the JDK's direct buffers. Every design queues in one of the two: the engine's
 * chunks and the blocking designs' buffers are direct ByteBuffers, and so are Netty's pooled buffers in this JVM
 * (Netty makes cleaner-less native buffers only when given reflective access to java.nio, which the build does
 * not give; {@code ServerMemoryTest} checks that each kind shows). The process's resident size would not do: what
 * an earlier case freed stays resident in malloc's free lists, and a later case reuses it without the figure
 * growing.
 */
final class ServerMemory {

    /** Collections at most per reading: direct buffers are freed by a cleaner after the collection found them. */
    private static final int MAX_COLLECTIONS = 50;
    /** Time the cleaner gets between a collection and the next look at the direct buffers. */
    private static final long CLEANER_PAUSE_MS = 20;

    private static final BufferPoolMXBean DIRECT = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
            .stream().filter(pool -> pool.getName().equals("direct")).findFirst()
            .orElseThrow(() -> new IllegalStateException("this JVM reports no 'direct' buffer pool"));

    private ServerMemory() {
    }

    /**
     * Live heap plus direct buffer bytes, once a collection has left the direct bytes where the previous one did:
     * buffers dropped before the reading are freed, so they count neither for the reading before a case nor after.
     */
    static long footprintBytes() throws InterruptedException {
        long directBytes = -1;
        for (int collection = 0; collection < MAX_COLLECTIONS; collection++) {
            System.gc();
            Thread.sleep(CLEANER_PAUSE_MS);
            long nowBytes = DIRECT.getMemoryUsed();
            if (nowBytes == directBytes) {
                break;
            }
            directBytes = nowBytes;
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + directBytes;
    }
}
