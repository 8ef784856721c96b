package io.reactorbench.baseline.netty;

/** {@code netty-epoll}: Netty with the epoll transport. */
public final class NettyEpollDesign extends NettyDesign {

    public NettyEpollDesign() {
        super(NettyTransport.EPOLL);
    }
}
