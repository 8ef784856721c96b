package io.reactorbench.scenarios.run;

import io.reactorbench.results.ProbeSample;
import io.reactorbench.scenarios.probe.ProbeProtocol;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A stand-in for the real {@code reactorbench} jar in the runner's tests: {@code serve} (a blocking echo
 * server speaking the READY/STATS/GC protocol on stdin/stdout) and {@code load} (a closed-loop echo client
 * that writes the load JSON and an HdrHistogram log). It keeps the runner's tests independent of the real
 * server designs and load generator, whose own tests cover them.
 */
public final class StandInReactorbench {

    private static final AtomicInteger CONNECTIONS = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        switch (args[0]) {
            case "serve" -> serve(options);
            case "serve-external" -> serveExternal(Integer.parseInt(options.get("--port")));
            case "load" -> load(options);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void serve(Map<String, String> options) throws Exception {
        if (options.get("--server").equals("crash")) {
            System.err.println("boom: this design always crashes");
            System.exit(3);
        }
        ServerSocket listener = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> accept(listener));
        PrintStream out = new PrintStream(System.out, true);
        out.println("READY 127.0.0.1:" + listener.getLocalPort());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("STATS")) {
                out.println(stats());
            } else if (line.equals("GC")) {
                System.gc();
                out.println("GC {}");
            }
        }
        System.exit(0);
    }

    private static void serveExternal(int port) throws Exception {
        ServerSocket listener = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
        accept(listener);
    }

    private static String stats() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return ProbeProtocol.answer(ProbeProtocol.STATS, ProbeSample.inside(System.currentTimeMillis(),
                os.getProcessCpuTime(), threads.getTotalThreadAllocatedBytes(), 0L, 0.0, 0.0, List.of(), heap, heap,
                threads.getThreadCount(), CONNECTIONS.get(), ProcessHandle.current().pid(), null, null, null));
    }

    private static void accept(ServerSocket listener) {
        try {
            while (true) {
                Socket socket = listener.accept();
                Thread.ofVirtual().start(() -> echo(socket));
            }
        } catch (IOException e) {
            // listener closed
        }
    }

    private static void echo(Socket socket) {
        CONNECTIONS.incrementAndGet();
        try (socket) {
            byte[] buffer = new byte[4096];
            int n;
            while ((n = socket.getInputStream().read(buffer)) > 0) {
                socket.getOutputStream().write(buffer, 0, n);
            }
        } catch (IOException e) {
            // peer gone
        } finally {
            CONNECTIONS.decrementAndGet();
        }
    }

    private static void load(Map<String, String> o) throws Exception {
        String[] target = o.get("--target").split(":");
        InetSocketAddress address = new InetSocketAddress(target[0], Integer.parseInt(target[1]));
        long warmupMs = Long.parseLong(o.get("--warmup").replace("ms", ""));
        long durationMs = Long.parseLong(o.get("--duration").replace("ms", ""));
        int connections = Integer.parseInt(o.get("--connections"));
        Histogram histogram = new Histogram(3);
        long[] requests = new long[1];
        long startMs = System.currentTimeMillis();
        long windowStartMs = startMs + warmupMs;
        long endMs = windowStartMs + durationMs;
        Thread[] threads = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            threads[c] = Thread.ofVirtual().start(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(address, 2_000);
                    OutputStream out = socket.getOutputStream();
                    DataInputStream in = new DataInputStream(socket.getInputStream());
                    byte[] message = new byte[64];
                    while (System.currentTimeMillis() < endMs) {
                        long sentNs = System.nanoTime();
                        out.write(message);
                        in.readFully(message);
                        if (System.currentTimeMillis() >= windowStartMs) {
                            synchronized (histogram) {
                                histogram.recordValue(System.nanoTime() - sentNs);
                                requests[0]++;
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double windowSeconds = durationMs / 1000.0;
        try (PrintStream hlog = new PrintStream(Files.newOutputStream(Path.of(o.get("--hlog"))))) {
            HistogramLogWriter writer = new HistogramLogWriter(hlog);
            writer.outputLogFormatVersion();
            writer.outputLegend();
            histogram.setStartTimeStamp(windowStartMs);
            histogram.setEndTimeStamp(endMs);
            writer.outputIntervalHistogram(histogram);
        }
        String latency = "{\"count\":" + histogram.getTotalCount() + ",\"mean\":" + histogram.getMean()
                + ",\"p50\":" + histogram.getValueAtPercentile(50) + ",\"p75\":" + histogram.getValueAtPercentile(75)
                + ",\"p90\":" + histogram.getValueAtPercentile(90) + ",\"p99\":" + histogram.getValueAtPercentile(99)
                + ",\"p999\":" + histogram.getValueAtPercentile(99.9) + ",\"p9999\":" + histogram.getValueAtPercentile(99.99)
                + ",\"max\":" + histogram.getMaxValue() + "}";
        Files.writeString(Path.of(o.get("--json")), "{\"requests\":" + requests[0] + ",\"throughput\":"
                + requests[0] / windowSeconds + ",\"windowSeconds\":" + windowSeconds
                + ",\"errors\":{\"connect\":0,\"timeout\":0,\"reset\":0,\"protocol\":0,\"total\":0},"
                + "\"latencyNs\":{\"corrected\":null,\"uncorrected\":" + latency + "}}");
    }
}
