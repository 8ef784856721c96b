package io.reactorbench.baseline.netty;

/** {@code netty-nio}: Netty with the nio transport. */
public final class NettyNioDesign extends NettyDesign {

    public NettyNioDesign() {
        super(NettyTransport.NIO);
    }
}
