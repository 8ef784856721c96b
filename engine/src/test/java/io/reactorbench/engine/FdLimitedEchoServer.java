package io.reactorbench.engine;

import io.reactorbench.engine.apps.EchoHandler;
import io.reactorbench.sys.PollerKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An engine echo server for {@link FdLimitTest}, run in a child JVM whose fd limit was lowered (the test
 * JVM's own limit, 20,000, cannot be reached cheaply and cannot be raised back once lowered). Prints
 * {@code port <n>}, then answers each {@code stats} line on stdin with {@code stats rejected=<n> failed=<n>
 * open=<n>}; stops on {@code stop} or when stdin closes (the parent died), so it never outlives the test.
 *
 * <p>Usage: {@code FdLimitedEchoServer nio|epoll}
 */
public final class FdLimitedEchoServer {

    private FdLimitedEchoServer() {
    }

    public static void main(String[] args) throws Exception {
        PollerKind poller = PollerKind.parse(args[0]);
        Engine engine = Engine.start(EngineConfig.defaults().withPoller(poller).withLoops(1), new EchoHandler());
        try {
            System.out.println("port " + engine.address().getPort());
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            String line;
            while ((line = commands.readLine()) != null && !line.equals("stop")) {
                if (line.equals("stats")) {
                    System.out.println("stats rejected=" + engine.rejectedOnFdLimit() + " failed="
                            + engine.failedAccepts() + " open=" + engine.openConnections());
                    System.out.flush();
                }
            }
        } finally {
            engine.stop(Duration.ofSeconds(2));
        }
    }
}
