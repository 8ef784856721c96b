package io.reactorbench.scenarios.run;

import io.reactorbench.loadgen.Target;
import io.reactorbench.results.ProbeSample;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@code external:<command>} design: any server binary, started through {@code sh -c} with {@code {port}}
 * replaced by a free port, ready once the port accepts, and measured from outside only (/proc).
 */
final class ExternalServer implements ServerUnderTest {

    private static final long POLL_MS = 50;
    private static final long STOP_GRACE_MS = 3_000;

    private final Process process;
    private final ChildProcesses children;
    private final Path logFile;
    private final InetSocketAddress address;

    private ExternalServer(Process process, ChildProcesses children, Path logFile, InetSocketAddress address) {
        this.process = process;
        this.children = children;
        this.logFile = logFile;
        this.address = address;
    }

    static ExternalServer start(String commandTemplate, List<String> pinPrefix, Path logFile, ChildProcesses children,
                                double startupTimeoutSeconds) {
        int port = freePort();
        String command = commandTemplate.replace("{port}", Integer.toString(port));
        List<String> argv = new ArrayList<>(pinPrefix);
        argv.addAll(List.of("sh", "-c", command));
        Process process;
        try {
            process = children.track(new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    // the command may read stdin; give it a pipe it can wait on, closed on stop
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start());
        } catch (IOException e) {
            throw new CellFailure("cannot start external server '" + command + "': " + e.getMessage());
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        ExternalServer server = new ExternalServer(process, children, logFile, address);
        long deadlineNs = System.nanoTime() + (long) (startupTimeoutSeconds * 1e9);
        while (System.nanoTime() < deadlineNs) {
            if (!process.isAlive()) {
                String reason = server.exitReason();
                server.close();
                throw new CellFailure(reason);
            }
            try (Socket probe = new Socket()) {
                probe.connect(address, 200);
                return server;
            } catch (IOException notYet) {
                sleep(POLL_MS);
            }
        }
        server.close();
        throw new CellFailure("external server did not accept on port " + port + " within " + (long) startupTimeoutSeconds + " s");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new CellFailure("no free port on loopback: " + e.getMessage());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CellFailure("interrupted");
        }
    }

    @Override
    public Target target() {
        return Target.tcp(address); // {port} in its command: external designs listen on TCP only
    }

    @Override
    public ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public boolean insideProbe() {
        return false;
    }

    @Override
    public ProbeSample probe(String label) {
        return ProbeSamples.of(label, null, process.toHandle());
    }

    @Override
    public ProbeSample collectGarbageAndProbe(String label) {
        return probe(label);
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public String exitReason() {
        if (process.isAlive()) {
            return null;
        }
        String last = LogTail.lastLine(logFile);
        return "external server exited with code " + process.exitValue() + (last == null ? "" : ": " + last);
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // gone already
        }
        ChildProcesses.terminate(process.toHandle(), STOP_GRACE_MS);
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.untrack(process);
    }
}
