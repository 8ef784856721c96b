package io.reactorbench.sys;

/** {@code eventfd} flags (O_NONBLOCK / O_CLOEXEC values, same on x86_64 and aarch64). */
public final class EventFdFlags {

    public static final int EFD_SEMAPHORE = 1;
    public static final int EFD_NONBLOCK = 0x800;
    public static final int EFD_CLOEXEC = 0x80000;

    private EventFdFlags() {
    }
}
