package io.reactorbench.engine;

import static io.reactorbench.engine.EpollSockets.check;

import io.reactorbench.sys.Errno;
import io.reactorbench.sys.IoUring;
import io.reactorbench.sys.IoUringFlags;
import io.reactorbench.sys.LinuxSys;
import io.reactorbench.sys.SockAddr;
import io.reactorbench.sys.SocketFlags;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.Arrays;

/**
 * The uring poller's listeners: each keeps a multishot accept armed while the {@link Acceptor} wants connections,
 * and the connections it completes wait in their {@link UringListener} until {@link #accept} hands them out. The
 * acceptor's back-off maps onto the accept: paused is cancelled, resumed is armed again. Loop-confined.
 */
final class UringAccepts {

    private final IoUring ring;
    private final UringSlots slots;
    private final SockAddr sockAddr;
    private UringListener[] listeners = new UringListener[8];

    UringAccepts(IoUring ring, UringSlots slots, SockAddr sockAddr) {
        this.ring = ring;
        this.slots = slots;
        this.sockAddr = sockAddr;
    }

    /** Binds and listens on a TCP or Unix-domain address; returns the listener's slot, its accept armed. */
    int listen(SocketAddress address, boolean reusePort, int backlog) throws IOException {
        UnixDomainSocketAddress unix = address instanceof UnixDomainSocketAddress u ? u : null;
        int fd;
        if (unix != null) {
            fd = EpollSockets.listeningUnix(unix, backlog);
        } else {
            fd = EpollSockets.boundSocket((InetSocketAddress) address, SocketFlags.SOCK_STREAM, reusePort);
            int listening = LinuxSys.listen(fd, backlog);
            if (listening < 0) {
                LinuxSys.close(fd);
                check(listening, "listen");
            }
        }
        int slot;
        try {
            slot = slots.add(fd, UringSlots.LISTENER);
        } catch (IOException e) {
            LinuxSys.close(fd);
            throw e;
        }
        if (slot >= listeners.length) {
            listeners = Arrays.copyOf(listeners, Math.max(slot + 1, listeners.length * 2));
        }
        UringListener listener = new UringListener(fd, unix);
        listeners[slot] = listener;
        arm(slot, listener);
        return slot;
    }

    private void arm(int slot, UringListener listener) {
        if (listener.wanted && !listener.armed) {
            ring.prepAcceptMultishot(listener.fd, EpollSockets.ACCEPT_FLAGS,
                    slots.userData(UringUserData.ACCEPT, slot));
            listener.armed = true;
        }
    }

    SocketAddress address(int slot) throws IOException {
        UringListener listener = listeners[slot];
        if (listener.unixAddress != null) {
            return listener.unixAddress;
        }
        check(LinuxSys.localAddress(listener.fd, sockAddr), "getsockname");
        return sockAddr.toInetSocketAddress();
    }

    /** A completion of a multishot accept: a new fd, or a failure that ends it. */
    void onAccept(long userData, int result, int cqeFlags) {
        if (!slots.current(userData, UringSlots.LISTENER)) {
            if (result >= 0) {
                LinuxSys.close(result); // accepted for a listener closed meanwhile
            }
            return;
        }
        int slot = UringUserData.slot(userData);
        UringListener listener = listeners[slot];
        boolean cancelled = result == -Errno.ECANCELED;
        if (result >= 0) {
            listener.add(result);
        } else if (!cancelled) {
            listener.failure = result; // thrown by the next accept(): the acceptor backs off, then re-arms
        }
        if ((cqeFlags & IoUringFlags.IORING_CQE_F_MORE) == 0) {
            listener.armed = false;
            listener.cancelling = false;
            if (listener.failure == 0) {
                arm(slot, listener);
            }
        }
        if (!cancelled) {
            slots.listReady(slot);
        }
    }

    /** Stops (cancels the accept) or resumes (arms it) accepting. */
    void interest(int slot, boolean on) {
        UringListener listener = listeners[slot];
        listener.wanted = on;
        if (on) {
            arm(slot, listener);
        } else if (listener.armed && !listener.cancelling) {
            ring.prepCancel(slots.userData(UringUserData.ACCEPT, slot), UringUserData.of(UringUserData.CANCEL, 0, slot));
            listener.cancelling = true;
        }
    }

    /**
     * The next accepted fd (boxed once per connection), or null; throws the failure that ended the accept. When no
     * accept is armed (backing off, or the acceptor's spare-descriptor rejection) it accepts directly with accept4.
     */
    Object accept(int slot) throws IOException {
        UringListener listener = listeners[slot];
        if (!listener.isEmpty()) {
            return listener.take();
        }
        int failure = listener.failure;
        if (failure != 0) {
            listener.failure = 0;
            if (failure == -Errno.EMFILE || failure == -Errno.ENFILE) {
                throw new FdLimitException("accept: " + Errno.message(failure));
            }
            throw new IOException("accept: " + Errno.message(failure));
        }
        if (listener.armed || !listener.wanted) {
            return null; // the multishot accept brings the next one, or the acceptor is backing off
        }
        int fd = LinuxSys.accept4(listener.fd, EpollSockets.ACCEPT_FLAGS);
        if (fd >= 0) {
            return fd;
        }
        if (fd == -Errno.EMFILE || fd == -Errno.ENFILE) {
            throw new FdLimitException("accept4: " + Errno.message(fd));
        }
        return null;
    }

    /** Cancels the accept, closes what it accepted that nobody took, and the listener; the slot is freed. */
    void close(int slot) {
        UringListener listener = listeners[slot];
        interest(slot, false);
        while (!listener.isEmpty()) {
            LinuxSys.close(listener.take());
        }
        LinuxSys.close(listener.fd);
        listeners[slot] = null;
        slots.release(slot);
    }
}
