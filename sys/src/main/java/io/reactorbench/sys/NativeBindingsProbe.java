package io.reactorbench.sys;

/**
 * The probe behind {@link LinuxSys#isAvailable()}: whether these native bindings work here, decided once — the OS
 * and CPU, then linking the libc handles (which fails when native access is denied), then one real call
 * (epoll_create1 and close). Platform support is a value, so a CLI can print "epoll poller unavailable: cause"
 * instead of a stack trace. (Not {@code wire.spi.Availability}, which says whether a server design can run.)
 */
final class NativeBindingsProbe {

    /** {@code null} when available. */
    static final String CAUSE = probe();

    private NativeBindingsProbe() {
    }

    private static String probe() {
        if (!NativePlatform.LINUX) {
            return "not Linux (os.name=" + NativePlatform.OS_NAME + ")";
        }
        if (!NativePlatform.SUPPORTED_ARCH) {
            return "unsupported CPU architecture " + NativePlatform.OS_ARCH + " (supported: x86_64, aarch64)";
        }
        try {
            int epfd = LinuxSys.epollCreate1(EpollFlags.EPOLL_CLOEXEC);
            if (epfd < 0) {
                return "epoll_create1 failed: " + Errno.message(epfd);
            }
            int closed = LinuxSys.close(epfd);
            if (closed < 0) {
                return "close of a new epoll fd failed: " + Errno.message(closed);
            }
            return null;
        } catch (Throwable t) {
            return describe(t);
        }
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalCallerException) {
            return "native access is not enabled: run with --enable-native-access=ALL-UNNAMED ("
                    + root.getMessage() + ")";
        }
        if (t instanceof NoClassDefFoundError) {
            return "libc bindings failed to initialise earlier: " + t.getMessage();
        }
        return "libc bindings failed: " + root;
    }
}
