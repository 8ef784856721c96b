/**
 * A gnet-style multi-reactor network engine with no dependency beyond the JDK (and the FFM syscall bindings of
 * {@code sys}).
 *
 * <p><b>Map of the package.</b>
 * <ul>
 *   <li>{@link io.reactorbench.engine.Engine} — the running server: a <i>main loop</i> (an {@code EventLoop} that
 *       holds only the listener; its {@code Acceptor} accepts until none is waiting and hands each connection to a
 *       sub-loop through that loop's {@code TaskQueue} plus a wake-up) and N <i>sub-loops</i>
 *       ({@code EventLoop}: one thread, one {@code Poller}, its connections served serially without locks). With
 *       {@code reusePort} every loop has its own SO_REUSEPORT listener and no main loop exists. Cross-thread calls
 *       ({@code asyncWrite}, {@code asyncClose}, {@code wake}) go by connection id onto the owning loop's queue;
 *       {@code AsyncWrites} bounds what off-loop writers may queue, {@code Adoption} carries an accepted socket
 *       (closed if its loop stops first), {@code CaughtFailures} logs what a loop caught and survived,
 *       {@code Shutdown} stops every loop once, within a timeout.</li>
 *   <li>{@code Poller} — readiness and socket I/O by slot: {@code NioPoller} ({@code Selector.select(Consumer)},
 *       portable) and {@code EpollPoller} (epoll through FFM; a connection is its fd and nothing else;
 *       level-triggered, or edge-triggered with a per-connection read budget; {@code EpollSockets} sets its sockets
 *       up). Its per-event calls go straight to
 *       {@code LinuxSys}, whose read/write/writev/epoll_wait allocate nothing and return -errno.</li>
 *   <li>{@code LoadBalancer} — {@code RoundRobinBalancer}, {@code LeastConnectionsBalancer},
 *       {@code SourceHashBalancer}.</li>
 *   <li>Connections — {@code ConnectionTable}: flat arrays indexed by a dense per-loop slot (epoll maps
 *       slot to fd and registers the slot as epoll data), no object per connection; {@code ConnectionLifecycle}: the
 *       state-transition table each connection's state word moves through (open, closing, lingering, closed, and
 *       the read gates of pausing and backpressure), whose effects {@code Connections} carries out;
 *       {@code ReadPath}, {@code WritePath} (queueing, water marks) and {@code DatagramPath}: what a loop does with
 *       a ready socket; {@link io.reactorbench.engine.Conn}: the one flyweight per loop a callback sees;
 *       {@code TimingWheel}: idle timeouts and lingering closes without a timer per connection.</li>
 *   <li>Ablations of the gnet article's two complaints, off by default and chosen once per loop, so the harness
 *       measures them: {@code ConnectionLookup} ({@code SlotLookup}, the engine's, does nothing;
 *       {@code MappedConnections} is gnet's {@code map[int]*conn}, chosen by {@code ConnectionTableKind.MAP}) and
 *       {@code ReadDelivery.COPY} (a fresh {@code byte[]} per read, {@code Chunk.copyOf}, instead of the view);
 *       {@code OptionIds} turns these and the balancer into option ids.</li>
 *   <li>Buffers — one read buffer per loop, shared ({@code Chunk}); {@code InboundBuffer} (unread bytes, only while
 *       there are some) and {@code OutboundBuffer} (unsent bytes, only while there are some), both made of chunks
 *       from the loop's {@code BufferPool}.</li>
 *   <li>API — {@link io.reactorbench.engine.EventHandler} (onBoot, onOpen, onTraffic, onClose, onTick,
 *       onShutdown), {@link io.reactorbench.engine.Action}, {@link io.reactorbench.engine.EngineConfig} (validated
 *       once), {@link io.reactorbench.sys.PollerKind} (shared with the load generator; availability as a value).</li>
 * </ul>
 *
 * <p><b>The hot path</b> of a request: epoll_wait (shared by every ready connection) → read into the loop's buffer
 * → {@code onTraffic} reads a view of it → the reply is written straight to the socket, once per read. Only bytes
 * left unread are copied (into the inbound buffer), only bytes the socket did not take are queued (and leave in one
 * gathering write). Above the outbound high-water mark a connection stops being read until it drains below the low
 * mark, so a client that never reads costs a bounded amount of memory.
 */
package io.reactorbench.engine;
