package io.reactorbench.baseline.netty;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * On the listening channel: an accept that fails (EMFILE, ENFILE) pauses accepting briefly and is logged once,
 * like the thread-per-connection designs do. Netty's own acceptor would pause 1 s and log every failure,
 * and formatting that log line can itself need a file descriptor (the time-zone file) and kill the boss loop.
 */
final class AcceptFailureHandler extends ChannelInboundHandlerAdapter {

    /** Waiting peers stay in the backlog meanwhile; closing connections free descriptors. */
    private static final long ACCEPT_BACKOFF_MS = 20;

    private boolean logged;

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        if (!logged) {
            logged = true;
            System.err.println("netty server on " + ctx.channel().localAddress() + ": accept failed (" + cause.getMessage()
                    + "); backing off " + ACCEPT_BACKOFF_MS + " ms and going on (logged once)");
        }
        ChannelConfig config = ctx.channel().config();
        if (config.isAutoRead()) {
            config.setAutoRead(false);
            ctx.channel().eventLoop().schedule(() -> config.setAutoRead(true), ACCEPT_BACKOFF_MS, TimeUnit.MILLISECONDS);
        }
    }
}
