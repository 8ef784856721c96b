package io.reactorbench.scenarios.run;

import io.reactorbench.wire.spi.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the server of one cell listens, as {@code serve} arguments: TCP or UDP on a free loopback port, or a
 * Unix-domain socket file. The socket file goes in the cell's directory when its path fits the kernel's
 * {@code sun_path} (108 bytes, the terminating NUL included; run directories nest deep enough to pass that), else in
 * a fresh directory under {@code java.io.tmpdir}. {@link #close} removes the file, which {@code serve} removes only
 * when it stops cleanly, and that directory.
 */
final class CellListenAddress implements AutoCloseable {

    /** {@code sun_path} holds 108 bytes, one of them the terminating NUL. */
    static final int MAX_SOCKET_PATH_BYTES = 107;
    static final String SOCKET_FILE = "server.sock";

    private final List<String> serveArguments;
    private final Path socketFile;
    private final Path ownDirectory;

    private CellListenAddress(List<String> serveArguments, Path socketFile, Path ownDirectory) {
        this.serveArguments = serveArguments;
        this.socketFile = socketFile;
        this.ownDirectory = ownDirectory;
    }

    static CellListenAddress of(Transport transport, Path cellDir) throws IOException {
        return switch (transport) {
            // as before transports existed, so a TCP cell's server.log reads the same
            case TCP -> new CellListenAddress(List.of("--host", "127.0.0.1", "--port", "0"), null, null);
            case UDP -> new CellListenAddress(List.of("--listen", "udp:127.0.0.1:0"), null, null);
            case UNIX -> unix(cellDir);
        };
    }

    private static CellListenAddress unix(Path cellDir) throws IOException {
        Path inCell = cellDir.toAbsolutePath().normalize().resolve(SOCKET_FILE);
        if (fits(inCell)) {
            Files.deleteIfExists(inCell); // left by a killed server of an earlier run into the same directory
            return new CellListenAddress(List.of("--listen", "unix:" + inCell), inCell, null);
        }
        Path directory = Files.createTempDirectory("reactorbench-");
        Path socket = directory.toAbsolutePath().resolve(SOCKET_FILE);
        if (!fits(socket)) {
            Files.delete(directory);
            throw new CellFailure("no Unix-domain socket path within " + MAX_SOCKET_PATH_BYTES + " bytes: " + inCell
                    + " and " + socket + " are longer; use a shorter --out or java.io.tmpdir");
        }
        return new CellListenAddress(List.of("--listen", "unix:" + socket), socket, directory);
    }

    private static boolean fits(Path socket) {
        return socket.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH_BYTES;
    }

    /** {@code --host 127.0.0.1 --port 0}, {@code --listen udp:127.0.0.1:0} or {@code --listen unix:/abs/path}. */
    List<String> serveArguments() {
        return serveArguments;
    }

    /** The socket file of a Unix-domain listener, else null. */
    Path socketFile() {
        return socketFile;
    }

    /** Removes the socket file and the directory made for it; call once the server has stopped. */
    @Override
    public void close() {
        try {
            if (socketFile != null) {
                Files.deleteIfExists(socketFile);
            }
            if (ownDirectory != null) {
                Files.deleteIfExists(ownDirectory);
            }
        } catch (IOException leftBehind) {
            // a stray socket file in a temp or results directory harms nothing; the next cell picks its own
        }
    }
}
