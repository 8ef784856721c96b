package io.reactorbench.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A blocking test client. Every read has a timeout, so a design that never answers fails the case instead
 * of hanging the suite.
 */
final class Client implements AutoCloseable {

    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int READ_TIMEOUT_MS = 10_000;
    /** Pause between single-byte writes so the server really sees them in separate reads. */
    private static final long SPLIT_PAUSE_MS = 1;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Client(InetSocketAddress address) {
        try {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("connect to " + address, e);
        }
    }

    Socket socket() {
        return socket;
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void write(String ascii) throws IOException {
        write(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes one byte per segment, pausing between them, so the server gets the request split at every byte. */
    void writeByteByByte(byte[] bytes) throws IOException {
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            try {
                Thread.sleep(SPLIT_PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /** Reads exactly {@code n} bytes; fails on end of stream or timeout. */
    byte[] readExactly(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new IOException("end of stream after " + bytes.length + " of " + n + " bytes: "
                    + preview(bytes));
        }
        return bytes;
    }

    /** Reads into {@code buffer}, returning the count or -1 at end of stream. */
    int read(byte[] buffer) throws IOException {
        return in.read(buffer);
    }

    /** Reads until the server closes; fails when more than {@code maxBytes} arrive or the read times out. */
    byte[] readUntilClosed(int maxBytes) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                throw new IOException("server did not close within " + READ_TIMEOUT_MS + " ms; got "
                        + all.size() + " bytes: " + preview(all.toByteArray()), e);
            }
            if (n < 0) {
                return all.toByteArray();
            }
            all.write(buffer, 0, n);
            if (all.size() > maxBytes) {
                throw new IOException("more than " + maxBytes + " bytes before close: " + preview(all.toByteArray()));
            }
        }
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Closes with SO_LINGER 0: the peer gets a reset instead of a FIN. */
    void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already gone: a reset is what we wanted anyway
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test connection; nothing to do
        }
    }

    static String preview(byte[] bytes) {
        StringBuilder text = new StringBuilder("'");
        for (int i = 0; i < Math.min(bytes.length, 300); i++) {
            int b = bytes[i] & 0xff;
            if (b == '\r') {
                text.append("\\r");
            } else if (b == '\n') {
                text.append("\\n");
            } else {
                text.append(b >= 0x20 && b < 0x7f ? (char) b : '.'); // keep build logs plain text
            }
        }
        return text.append(bytes.length > 300 ? "...'" : "'").toString();
    }

    static byte[] concat(byte[]... parts) {
        int total = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
