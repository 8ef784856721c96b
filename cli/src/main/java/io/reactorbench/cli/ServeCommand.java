package io.reactorbench.cli;

import io.reactorbench.scenarios.probe.ServeSession;
import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesign;
import io.reactorbench.wire.spi.ServerDesigns;
import java.io.IOException;
import java.net.BindException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Starts one server design and serves until SIGTERM, SIGINT or end of standard input.",
            "Prints 'READY <host>:<port>' once it accepts ('READY udp:<host>:<port>', 'READY unix:<absolute path>' with"
                + " --listen). Standard input takes probe commands, one per line:",
            "STATS (answers 'STATS {json}'), GC (collects, answers 'GC {json}')."
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "ID", description = "Design id (see 'reactorbench servers').")
    String serverId;

    @Option(names = "--app", required = true, paramLabel = "echo|rpc|http", description = "Workload to serve.")
    String appId;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "0", description = "Port to bind; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--listen", paramLabel = "ADDRESS",
            description = {"Where to listen instead of --host/--port: tcp:HOST:PORT, udp:HOST:PORT (echo only: each"
                    + " datagram answered to its sender) or unix:PATH (a Unix-domain stream socket; the file must not"
                    + " exist, and is removed on stop). Designs that cannot listen there say so (exit 2);"
                    + " 'reactorbench servers' lists each design's transports."})
    String listen;

    @Option(names = "--loops", defaultValue = "0", description = "Event loops / worker threads; 0 = the design's default.")
    int loops;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "Design-specific option (repeatable).")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--lb", paramLabel = "POLICY", description = "Load balancing of new connections (option 'lb').")
    String lb;

    @Option(names = "--reuse-port", description = {"SO_REUSEPORT on the listening socket(s) (option 'reuse-port'), so"
            + " other serve processes can bind the same port and the kernel spreads connections over them; the engine"
            + " then has one listener per loop. Designs that cannot say so (exit 2)."})
    boolean reusePort;

    @Option(names = "--edge-triggered", description = "Edge-triggered polling (option 'edge-triggered').")
    boolean edgeTriggered;

    @Option(names = "--ignore-stdin", description = "Do not read standard input: serve until a signal (for shells that give it /dev/null).")
    boolean ignoreStdin;

    @Override
    public Integer call() throws IOException, InterruptedException {
        App app = App.parse(appId);
        ServerDesign design = ServerDesigns.require(serverId);
        Availability availability = design.availability();
        if (!availability.available()) {
            throw new UserError("server design " + design.id() + " is unavailable here: " + availability.cause());
        }
        ServerConfig config = listenAddress().serverConfig(loops, app, designOptions());
        ServerDesigns.checkOptions(design, config);
        ServerDesigns.checkTransport(design, config);

        try {
            ServeSession.serve(design, config, ignoreStdin);
        } catch (BindException e) {
            throw new UserError("cannot bind " + config.transport().format(config.bindAddress()) + ": " + e.getMessage());
        }
        return Main.EXIT_OK;
    }

    private ListenAddress listenAddress() {
        if (listen == null) {
            return ListenAddress.tcp(host, port);
        }
        var parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--host") || parsed.hasMatchedOption("--port")) {
            throw new UserError("--listen gives the address: drop --host and --port");
        }
        return ListenAddress.parse(listen);
    }

    private Map<String, String> designOptions() {
        Map<String, String> all = new LinkedHashMap<>(options);
        if (lb != null) {
            all.put("lb", lb);
        }
        if (reusePort) {
            all.put("reuse-port", "true");
        }
        if (edgeTriggered) {
            all.put("edge-triggered", "true");
        }
        return all;
    }
}
