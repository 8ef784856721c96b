/**
 * Linux system calls for the engine's epoll and io_uring pollers and the load generator, bound with the FFM API (no JNI), and the
 * choice between that poller and nio.
 *
 * <ul>
 *   <li>{@link io.reactorbench.sys.LinuxSys}: the calls, each returning a result {@code >= 0} or {@code -errno};
 *       {@code isAvailable()} / {@code unavailabilityCause()} say whether they work here.</li>
 *   <li>{@link io.reactorbench.sys.EpollEvents}, {@link io.reactorbench.sys.IoVec},
 *       {@link io.reactorbench.sys.SockAddr}: reusable native structs, read and written in place.</li>
 *   <li>{@link io.reactorbench.sys.Errno}, {@link io.reactorbench.sys.EpollFlags},
 *       {@link io.reactorbench.sys.EventFdFlags}, {@link io.reactorbench.sys.SocketFlags},
 *       {@link io.reactorbench.sys.SocketOptions}: the Linux constants (x86_64 and aarch64 share them).</li>
 *   <li>{@link io.reactorbench.sys.IoUring}, {@link io.reactorbench.sys.ProvidedBuffers},
 *       {@link io.reactorbench.sys.IoUringFlags}: io_uring through {@code syscall(2)} and the mmapped rings, no
 *       liburing; {@link io.reactorbench.sys.IoUringSupport} says whether it works here, and why not.</li>
 *   <li>{@link io.reactorbench.sys.PollerKind}: nio, epoll, uring or auto, the one name of a poller for the engine and the
 *       load generator, whose implementations differ (a server's and a client's), and so does what auto picks for
 *       each: {@link io.reactorbench.sys.ServerPollerChoice} is a server's choice with why auto fell back from
 *       io_uring.</li>
 * </ul>
 */
package io.reactorbench.sys;
