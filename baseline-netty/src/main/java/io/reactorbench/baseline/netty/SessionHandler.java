package io.reactorbench.baseline.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.concurrent.ScheduledFuture;
import io.reactorbench.wire.Work;
import io.reactorbench.wire.app.ServerSession;
import io.reactorbench.wire.spi.LingerRule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Serves rpc and http through the shared {@link ServerSession}: responses are written into a pooled buffer
 * during {@code channelRead} and flushed once in {@code channelReadComplete}, as Netty's TechEmpower entry does.
 *
 * <p>Processing pauses, keeping unprocessed input in {@link #pendingIn} with reading off, in two cases: a
 * request asks for blocking work (done on {@link #blockingWork}, then processing resumes on the event loop,
 * so responses keep their order), or a large response fills the outbound buffer past the high water mark
 * (processing resumes when the channel is writable again). All state is touched on the event loop only.
 */
final class SessionHandler extends ChannelInboundHandlerAdapter {

    /** Output buffer per read batch; pipelined http responses of one read (16 × ~130 B) fit in one. */
    private static final int OUT_BUFFER_BYTES = 8 * 1024;
    /** How long, and how many more bytes, a peer may send after we asked to close: the rule every design applies. */
    private static final LingerRule LINGER = LingerRule.IN_FORCE;

    private enum Step { DONE, PAUSED, CLOSED }

    private final ServerSession session;
    private final Executor blockingWork;
    private ByteBuf out;
    private ByteBuf pendingIn;
    private boolean working;
    private boolean stalled;
    private boolean inputShutdown;
    private boolean closing;
    private long lingeredBytes;
    private ScheduledFuture<?> lingerTimeout;

    SessionHandler(ServerSession session, Executor blockingWork) {
        this.session = session;
        this.blockingWork = blockingWork;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            if (closing) {
                onLingeringInput(ctx, in.readableBytes());
                return;
            }
            if (paused()) {
                queue(ctx, in);
            } else {
                process(ctx, in);
            }
        } finally {
            in.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        writeOut(ctx);
        ctx.flush();
        if (!ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false); // a peer that does not read cannot grow our memory
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && !closing) {
            if (stalled) {
                // Not from here: this can fire inside our own flush, in the middle of process().
                ctx.executor().execute(() -> onWritableAgain(ctx));
            } else if (!working) {
                ctx.channel().config().setAutoRead(true);
            }
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            inputShutdown = true;
            if (closing) {
                ctx.close(); // the lingering peer has closed its side too
            } else if (!paused()) {
                closeAfterFlush(ctx); // half-close: everything read has been answered
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        if (lingerTimeout != null) {
            lingerTimeout.cancel(false);
        }
        releaseBuffers();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            System.err.println(ctx.channel() + ": closing after " + cause); // a bug, not a peer: say so
        }
        ctx.close(); // peer reset: nothing to answer
    }

    private boolean paused() {
        return working || stalled || pendingIn != null;
    }

    /** Runs the session over {@code in} until it needs more input, pauses or closes. */
    private Step process(ChannelHandlerContext ctx, ByteBuf in) {
        while (true) {
            if (out == null) {
                out = ctx.alloc().directBuffer(OUT_BUFFER_BYTES);
            }
            ByteBuffer inView = in.nioBuffer(in.readerIndex(), in.readableBytes());
            ByteBuffer outView = out.nioBuffer(out.writerIndex(), out.writableBytes());
            ServerSession.Outcome outcome = session.process(inView, outView);
            in.skipBytes(inView.position());
            out.writerIndex(out.writerIndex() + outView.position());
            switch (outcome) {
                case NEED_INPUT -> {
                    return Step.DONE;
                }
                case OUTPUT_FULL -> {
                    if (!out.isReadable()) {
                        throw new IllegalStateException("session reports OUTPUT_FULL on an empty "
                                + OUT_BUFFER_BYTES + " B buffer");
                    }
                    writeOut(ctx);
                    if (!ctx.channel().isWritable()) {
                        stalled = true; // resumes in channelWritabilityChanged
                        pause(ctx, in);
                        return Step.PAUSED;
                    }
                }
                case BLOCK -> {
                    working = true;
                    pause(ctx, in);
                    long blockMicros = session.blockMicros();
                    blockingWork.execute(() -> {
                        Work.block(blockMicros);
                        try {
                            ctx.channel().eventLoop().execute(() -> onWorkDone(ctx));
                        } catch (RejectedExecutionException e) {
                            // The server is stopping: the loop is gone and so is this connection.
                        }
                    });
                    return Step.PAUSED;
                }
                case CLOSE -> {
                    lingerAndClose(ctx);
                    return Step.CLOSED;
                }
            }
        }
    }

    /** Stops reading, sends what is ready, and keeps the unprocessed rest of {@code in} for {@link #resume}. */
    private void pause(ChannelHandlerContext ctx, ByteBuf in) {
        ctx.channel().config().setAutoRead(false);
        if (in != pendingIn) {
            queue(ctx, in);
        }
        writeOut(ctx);
        ctx.flush(); // responses before the pause must not wait for it
    }

    private void queue(ChannelHandlerContext ctx, ByteBuf in) {
        if (!in.isReadable()) {
            return;
        }
        if (pendingIn == null) {
            pendingIn = ctx.alloc().directBuffer(in.readableBytes());
        }
        pendingIn.writeBytes(in);
    }

    private void onWritableAgain(ChannelHandlerContext ctx) {
        if (!stalled || closing || !ctx.channel().isWritable()) {
            return; // an earlier task already resumed, or the channel filled up again
        }
        stalled = false;
        resume(ctx);
    }

    private void onWorkDone(ChannelHandlerContext ctx) {
        working = false;
        if (closing) {
            return;
        }
        session.workDone();
        resume(ctx);
    }

    /** Goes on after a pause: the queued input, or none (the session may still have output to produce). */
    private void resume(ChannelHandlerContext ctx) {
        ByteBuf in = pendingIn != null ? pendingIn : Unpooled.EMPTY_BUFFER;
        Step step = process(ctx, in);
        if (step == Step.PAUSED) {
            if (pendingIn != null) {
                pendingIn.discardSomeReadBytes();
            }
            return;
        }
        if (pendingIn != null) {
            pendingIn.release();
            pendingIn = null;
        }
        if (step == Step.CLOSED) {
            return;
        }
        if (inputShutdown) {
            closeAfterFlush(ctx);
            return;
        }
        writeOut(ctx);
        ctx.flush();
        if (ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** Writes the output buffer if it holds bytes, and never keeps one: an idle connection holds no buffer. */
    private void writeOut(ChannelHandlerContext ctx) {
        if (out == null) {
            return;
        }
        if (out.isReadable()) {
            ctx.write(out, ctx.voidPromise());
        } else {
            out.release();
        }
        out = null;
    }

    /**
     * After the session asked to close (400, 431, Connection: close): send the response and a FIN, then read and
     * drop what the peer still sends until it closes, within the {@link LingerRule}'s time and byte caps. Closing
     * with unread input would make the kernel send a reset, which can destroy the response in the peer's receive
     * queue before the peer reads it.
     */
    private void lingerAndClose(ChannelHandlerContext ctx) {
        if (closing) {
            return;
        }
        closing = true;
        writeOut(ctx);
        Channel channel = ctx.channel();
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) written -> {
            if (written.isSuccess() && channel instanceof DuplexChannel duplex && !inputShutdown) {
                duplex.shutdownOutput().addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            } else {
                channel.close();
            }
        });
        lingerTimeout = ctx.executor().schedule(() -> {
            channel.close();
        }, LINGER.timeoutMs(), TimeUnit.MILLISECONDS);
        channel.config().setAutoRead(true);
        releaseBuffers();
    }

    private void onLingeringInput(ChannelHandlerContext ctx, int bytes) {
        lingeredBytes += bytes;
        if (LINGER.byteCapReached(lingeredBytes)) {
            ctx.close();
        }
    }

    private void closeAfterFlush(ChannelHandlerContext ctx) {
        if (closing) {
            return;
        }
        closing = true;
        writeOut(ctx);
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        releaseBuffers();
    }

    private void releaseBuffers() {
        if (out != null) {
            out.release();
            out = null;
        }
        if (pendingIn != null) {
            pendingIn.release();
            pendingIn = null;
        }
    }
}
