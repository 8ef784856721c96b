package io.reactorbench.baseline.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;

/**
 * UDP echo: each datagram's buffer goes back to its sender as it is (ownership passes to the outbound buffer, no
 * copy), one flush per read batch, like {@link EchoHandler} on a connection. Stateless, so one instance serves
 * every channel.
 */
@ChannelHandler.Sharable
final class DatagramEchoHandler extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        DatagramPacket packet = (DatagramPacket) msg;
        ctx.write(new DatagramPacket(packet.content(), packet.sender()), ctx.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // An ICMP "port unreachable" from a client that went away, or a send refused: the datagram is lost, as UDP
        // allows; the channel serves on.
    }
}
