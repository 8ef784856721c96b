package io.reactorbench.sys;

import java.util.Locale;

/** The facts about this OS and CPU that the bindings depend on, read once from system properties. */
final class NativePlatform {

    static final String OS_NAME = System.getProperty("os.name", "");
    static final String OS_ARCH = System.getProperty("os.arch", "");
    static final boolean LINUX = OS_NAME.toLowerCase(Locale.ROOT).startsWith("linux");
    static final boolean X86_64 = OS_ARCH.equals("amd64") || OS_ARCH.equals("x86_64");
    static final boolean AARCH64 = OS_ARCH.equals("aarch64") || OS_ARCH.equals("arm64");
    static final boolean SUPPORTED_ARCH = X86_64 || AARCH64;

    /** x86_64 declares struct epoll_event packed (u32 then u64 at offset 4: 12 bytes); other 64-bit ABIs align it (16 bytes). */
    static final long EPOLL_EVENT_SIZE = X86_64 ? 12 : 16;
    static final long EPOLL_EVENT_DATA_OFFSET = X86_64 ? 4 : 8;

    private NativePlatform() {
    }
}
