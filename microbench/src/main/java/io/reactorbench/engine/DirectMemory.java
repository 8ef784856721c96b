package io.reactorbench.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;

/**
 * Frees a direct buffer's native memory now instead of when the GC finds it unreachable, for benchmarks that
 * allocate direct buffers in a loop (see {@link InboundBufferBenchmark}). Calls {@code sun.misc.Unsafe.invokeCleaner}
 * (the only way the JDK offers; deprecated for removal) through a method handle, so the build stays free of
 * warnings about it; the buffer must not be used afterwards.
 */
final class DirectMemory {

    private static final MethodHandle INVOKE_CLEANER = invokeCleaner();

    private DirectMemory() {
    }

    static void free(ByteBuffer direct) {
        try {
            INVOKE_CLEANER.invokeExact(direct);
        } catch (Throwable t) {
            throw new IllegalStateException("could not free a direct buffer", t);
        }
    }

    private static MethodHandle invokeCleaner() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(unsafeClass.getMethod("invokeCleaner",
                    ByteBuffer.class));
            return handle.bindTo(field.get(null));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
