package io.reactorbench.baseline.netty;

/** {@code netty-iouring}: Netty with the iouring transport. */
public final class NettyIoUringDesign extends NettyDesign {

    public NettyIoUringDesign() {
        super(NettyTransport.IO_URING);
    }
}
