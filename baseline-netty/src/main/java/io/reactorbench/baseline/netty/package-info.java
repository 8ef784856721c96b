/**
 * The Netty baselines {@code netty-nio}, {@code netty-epoll} and {@code netty-iouring}: one server,
 * {@link io.reactorbench.baseline.netty.NettyServer}, given one of three {@link io.reactorbench.baseline.netty.NettyTransport}s,
 * written the way Netty's TechEmpower entry is (responses written during the read, one flush per read batch).
 */
package io.reactorbench.baseline.netty;
