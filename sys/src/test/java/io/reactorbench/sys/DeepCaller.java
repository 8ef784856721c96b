package io.reactorbench.sys;

/**
 * Reaches {@link LinuxSys#read} and {@link LinuxSys#write} eight calls down, as an event loop does (loop, poller,
 * connection, flush ...). The JIT inlines a downcall's method-handle chain into its caller only up to a depth
 * ({@code -XX:MaxInlineLevel}, 15); what it cannot inline at the bottom of a deep chain stays a real call, and an
 * object handed to a real call is allocated. A binding that is allocation-free only when called from shallow code
 * fails the allocation test through here.
 */
final class DeepCaller {

    private DeepCaller() {
    }

    static long read(int fd, long address, long length) {
        return read1(fd, address, length);
    }

    private static long read1(int fd, long address, long length) {
        return read2(fd, address, length);
    }

    private static long read2(int fd, long address, long length) {
        return read3(fd, address, length);
    }

    private static long read3(int fd, long address, long length) {
        return read4(fd, address, length);
    }

    private static long read4(int fd, long address, long length) {
        return read5(fd, address, length);
    }

    private static long read5(int fd, long address, long length) {
        return read6(fd, address, length);
    }

    private static long read6(int fd, long address, long length) {
        return read7(fd, address, length);
    }

    private static long read7(int fd, long address, long length) {
        return LinuxSys.read(fd, address, length);
    }

    static long write(int fd, long address, long length) {
        return write1(fd, address, length);
    }

    private static long write1(int fd, long address, long length) {
        return write2(fd, address, length);
    }

    private static long write2(int fd, long address, long length) {
        return write3(fd, address, length);
    }

    private static long write3(int fd, long address, long length) {
        return write4(fd, address, length);
    }

    private static long write4(int fd, long address, long length) {
        return write5(fd, address, length);
    }

    private static long write5(int fd, long address, long length) {
        return write6(fd, address, length);
    }

    private static long write6(int fd, long address, long length) {
        return write7(fd, address, length);
    }

    private static long write7(int fd, long address, long length) {
        return LinuxSys.write(fd, address, length);
    }
}
