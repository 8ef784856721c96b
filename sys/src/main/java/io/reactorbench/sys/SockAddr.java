package io.reactorbench.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A reusable native socket address ({@code struct sockaddr_storage}, 128 bytes) with its length: sockaddr_in,
 * sockaddr_in6 or sockaddr_un. Filled from Java addresses with {@code set}, or by the kernel through
 * {@link LinuxSys#recvFrom}; reused across calls so a datagram loop allocates nothing. Not thread-safe.
 */
public final class SockAddr {

    /** sizeof(struct sockaddr_storage). */
    public static final int STORAGE_SIZE = 128;
    /** sizeof(sun_path): paths of at most 107 bytes plus the terminating NUL. */
    public static final int UNIX_PATH_CAPACITY = 108;

    private static final ValueLayout.OfShort PORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final long IN4_ADDR_OFFSET = 4;
    private static final int IN4_SIZE = 16;
    private static final long IN6_ADDR_OFFSET = 8;
    private static final long IN6_SCOPE_OFFSET = 24;
    private static final int IN6_SIZE = 28;
    private static final long UNIX_PATH_OFFSET = 2;

    private final MemorySegment storage;
    /** The in/out socklen_t that getsockname/recvfrom fill. */
    private final MemorySegment lengthSlot;
    private int length;

    /** Allocates from {@code arena}; the address lives as long as the arena. */
    public SockAddr(Arena arena) {
        MemorySegment block = arena.allocate(STORAGE_SIZE + 8, 8);
        this.storage = block.asSlice(0, STORAGE_SIZE);
        this.lengthSlot = block.asSlice(STORAGE_SIZE, 4);
    }

    /** Allocates memory the garbage collector frees with this object. */
    public SockAddr() {
        this(Arena.ofAuto());
    }

    /** Fills in an IPv4 or IPv6 address. @throws IllegalArgumentException if the address is unresolved */
    public SockAddr set(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (ip == null) {
            throw new IllegalArgumentException("unresolved address: " + address);
        }
        storage.fill((byte) 0);
        if (ip instanceof Inet4Address) {
            storage.set(ValueLayout.JAVA_SHORT, 0, (short) SocketFlags.AF_INET);
            storage.set(PORT, 2, (short) address.getPort());
            MemorySegment.copy(ip.getAddress(), 0, storage, ValueLayout.JAVA_BYTE, IN4_ADDR_OFFSET, 4);
            length = IN4_SIZE;
        } else {
            storage.set(ValueLayout.JAVA_SHORT, 0, (short) SocketFlags.AF_INET6);
            storage.set(PORT, 2, (short) address.getPort());
            MemorySegment.copy(ip.getAddress(), 0, storage, ValueLayout.JAVA_BYTE, IN6_ADDR_OFFSET, 16);
            storage.set(ValueLayout.JAVA_INT_UNALIGNED, IN6_SCOPE_OFFSET, ((Inet6Address) ip).getScopeId());
            length = IN6_SIZE;
        }
        return this;
    }

    /** Fills in a Unix-domain path. @throws IllegalArgumentException if the path does not fit sun_path */
    public SockAddr set(UnixDomainSocketAddress address) {
        byte[] path = address.getPath().toString().getBytes(StandardCharsets.UTF_8);
        if (path.length >= UNIX_PATH_CAPACITY) {
            throw new IllegalArgumentException("unix socket path longer than " + (UNIX_PATH_CAPACITY - 1)
                    + " bytes: " + address.getPath());
        }
        storage.fill((byte) 0);
        storage.set(ValueLayout.JAVA_SHORT, 0, (short) SocketFlags.AF_UNIX);
        MemorySegment.copy(path, 0, storage, ValueLayout.JAVA_BYTE, UNIX_PATH_OFFSET, path.length);
        length = (int) UNIX_PATH_OFFSET + path.length + 1;
        return this;
    }

    /**
     * Takes the {@code length} bytes at {@code offset} of {@code source} as the address (at most {@link #STORAGE_SIZE}):
     * a sender's address that the kernel wrote elsewhere, such as into a multishot recvmsg's buffer. Allocates nothing.
     */
    public SockAddr copyFrom(MemorySegment source, long offset, int length) {
        int n = Math.clamp(length, 0, STORAGE_SIZE);
        MemorySegment.copy(source, offset, storage, 0, n);
        this.length = n;
        return this;
    }

    /** AF_INET, AF_INET6, AF_UNIX, or whatever the kernel wrote. */
    public int family() {
        return Short.toUnsignedInt(storage.get(ValueLayout.JAVA_SHORT, 0));
    }

    /** The port of an IPv4/IPv6 address, host order. */
    public int port() {
        return Short.toUnsignedInt(storage.get(PORT, 2));
    }

    /** The bytes that matter: passed as the length argument of bind/connect/sendto. */
    public int length() {
        return length;
    }

    /** The native struct; pass {@link #length()} with it. */
    public MemorySegment segment() {
        return storage;
    }

    /** The IPv4/IPv6 address as Java sees it (allocates), or {@code null} for another family. */
    public InetSocketAddress toInetSocketAddress() {
        try {
            return switch (family()) {
                case SocketFlags.AF_INET -> new InetSocketAddress(
                        InetAddress.getByAddress(storage.asSlice(IN4_ADDR_OFFSET, 4).toArray(ValueLayout.JAVA_BYTE)),
                        port());
                case SocketFlags.AF_INET6 -> new InetSocketAddress(inet6(), port());
                default -> null;
            };
        } catch (UnknownHostException e) {
            throw new IllegalStateException("kernel returned a malformed address", e);
        }
    }

    private InetAddress inet6() throws UnknownHostException {
        byte[] ip = storage.asSlice(IN6_ADDR_OFFSET, 16).toArray(ValueLayout.JAVA_BYTE);
        int scopeId = storage.get(ValueLayout.JAVA_INT_UNALIGNED, IN6_SCOPE_OFFSET);
        // without a scope, let Java choose (an IPv4-mapped peer becomes an Inet4Address, as java.nio reports it)
        return scopeId == 0 ? InetAddress.getByAddress(ip) : Inet6Address.getByAddress(null, ip, scopeId);
    }

    /** The Unix-domain path (allocates), or {@code null} for another family or an unnamed socket. */
    public UnixDomainSocketAddress toUnixDomainSocketAddress() {
        if (family() != SocketFlags.AF_UNIX || length <= UNIX_PATH_OFFSET) {
            return null;
        }
        String path = storage.asSlice(UNIX_PATH_OFFSET, UNIX_PATH_CAPACITY).getString(0, StandardCharsets.UTF_8);
        return path.isEmpty() ? null : UnixDomainSocketAddress.of(path);
    }

    /** Before a call that writes the address: offer the full storage. */
    MemorySegment lengthSlotForOutput() {
        lengthSlot.set(ValueLayout.JAVA_INT, 0, STORAGE_SIZE);
        return lengthSlot;
    }

    /** After such a call: take the length the kernel wrote. */
    void acceptOutputLength() {
        length = Math.min(lengthSlot.get(ValueLayout.JAVA_INT, 0), STORAGE_SIZE);
    }

    @Override
    public String toString() {
        return switch (family()) {
            case SocketFlags.AF_INET, SocketFlags.AF_INET6 -> String.valueOf(toInetSocketAddress());
            case SocketFlags.AF_UNIX -> "unix:" + toUnixDomainSocketAddress();
            default -> "family " + family();
        };
    }
}
