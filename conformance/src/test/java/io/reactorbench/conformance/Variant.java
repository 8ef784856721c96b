package io.reactorbench.conformance;

import io.reactorbench.engine.LoadBalancing;
import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.ServerDesign;
import io.reactorbench.wire.spi.ServerDesigns;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A server design with the options it is started with, named the way suites name one ({@code engine-epoll-et}):
 * the unit of the conformance matrix, so an option that changes how a design reads, accepts or balances passes the
 * same suite as the design's default.
 *
 * <p>Every variant runs every case, on the apps it lists: each design's default, {@code engine-epoll-et} (which
 * changes how every connection is read: partial reads, pauses for blocking work, resumes) and the two gnet-article
 * ablations ({@code engine-epoll-maptable}, {@code engine-epoll-copyread}) on every app; the engine's
 * reuse-port and balancer variants (on nio, epoll and uring) on echo only, because they change which loop a connection lands on, not how that
 * loop serves it, and echo drives the same read, write, back-pressure and close paths as the other apps without
 * their parsing. That keeps the suite's run time near what it was before the engine's options joined it.
 *
 * @param name    the report row's name: the design id, then what the options change
 * @param design  the design to start
 * @param options its {@link io.reactorbench.wire.spi.ServerConfig#options() options}
 * @param apps    the apps it serves in the suite
 */
record Variant(String name, ServerDesign design, Map<String, String> options, Set<App> apps) {

    /** The engine's pollers; each balancing variant runs on each (edge-triggered exists on epoll only). */
    private static final List<String> ENGINE_POLLERS = List.of("engine-epoll", "engine-nio", "engine-uring");
    private static final Set<App> EVERY_APP = Set.of(App.values());

    Variant {
        options = Map.copyOf(options);
        apps = Set.copyOf(apps);
    }

    /** A design as it starts with no options, on every app. */
    static Variant of(ServerDesign design) {
        return new Variant(design.id(), design, Map.of(), EVERY_APP);
    }

    /** Every design on the class path with its defaults (available or not: unavailable ones are skipped). */
    static Stream<Variant> defaults() {
        return ServerDesigns.all().stream().map(Variant::of);
    }

    /**
     * The engine's other ways to run: edge-triggered epoll; the gnet-article ablations on epoll, the gnet-shaped
     * connection map ({@code table=map}) and a fresh copy of every read ({@code read=copy}), which serve through
     * other code on every event and so run every app; and on every poller one SO_REUSEPORT listener per loop and
     * the least-connections and source-hash balancers (round-robin is the default).
     */
    static Stream<Variant> engineOptions() {
        Stream<Variant> edgeTriggered =
                Stream.of(engine("engine-epoll", "et", Map.of("edge-triggered", "true"), EVERY_APP));
        Stream<Variant> ablations = Stream.of(
                engine("engine-epoll", "maptable", Map.of("table", "map"), EVERY_APP),
                engine("engine-epoll", "copyread", Map.of("read", "copy"), EVERY_APP));
        Stream<Variant> placement = ENGINE_POLLERS.stream().flatMap(poller -> Stream.of(
                engine(poller, "reuse-port", Map.of("reuse-port", "true"), Set.of(App.ECHO)),
                balanced(poller, LoadBalancing.LEAST_CONNECTIONS),
                balanced(poller, LoadBalancing.SOURCE_HASH)));
        return Stream.of(edgeTriggered, ablations, placement).flatMap(variants -> variants);
    }

    /** {@link #defaults()}, then {@link #engineOptions()}. */
    static Stream<Variant> all() {
        return Stream.concat(defaults(), engineOptions());
    }

    private static Variant balanced(String designId, LoadBalancing balancing) {
        return engine(designId, balancing.id(), Map.of("lb", balancing.id()), Set.of(App.ECHO));
    }

    private static Variant engine(String designId, String suffix, Map<String, String> options, Set<App> apps) {
        return new Variant(designId + "-" + suffix, ServerDesigns.require(designId), options, apps);
    }

    @Override
    public String toString() {
        return name;
    }
}
