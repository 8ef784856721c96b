package io.reactorbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests of {@code load} run in-process ({@code @RegisterExtension}): around each test, a blocking echo server
 * on loopback (a thread per connection: plain Java, nothing shared with the designs under test) that counts the
 * connections it accepted; {@link #run} executes the command line with stdout and stderr captured apart.
 */
final class LoadCliFixture implements BeforeEachCallback, AfterEachCallback {

    private ServerSocket echo;
    private final AtomicInteger accepted = new AtomicInteger();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    accepted.incrementAndGet();
                    Thread t = new Thread(() -> pump(s));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pump(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream o = s.getOutputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                o.write(buf, 0, n);
            }
        } catch (IOException ignored) {
            // client went away
        }
    }

    String target() {
        return "127.0.0.1:" + echo.getLocalPort();
    }

    /** Connections the echo server has accepted so far. */
    int accepted() {
        return accepted.get();
    }

    int run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return Main.execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        echo.close();
    }
}
