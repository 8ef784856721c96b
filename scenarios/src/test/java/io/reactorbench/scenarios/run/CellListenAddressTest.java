package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.spi.Transport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellListenAddressTest {

    @TempDir
    Path temp;

    @Test
    void shouldListenOnAFreeLoopbackPortOverTcpAndUdp() throws Exception {
        try (CellListenAddress tcp = CellListenAddress.of(Transport.TCP, temp);
             CellListenAddress udp = CellListenAddress.of(Transport.UDP, temp)) {
            assertThat(tcp.serveArguments()).containsExactly("--host", "127.0.0.1", "--port", "0");
            assertThat(udp.serveArguments()).containsExactly("--listen", "udp:127.0.0.1:0");
            assertThat(tcp.socketFile()).isNull();
        }
    }

    @Test
    void shouldPutTheSocketInTheCellDirectoryWhenItsPathFitsAndRemoveItAfterwards() throws Exception {
        Path cellDir = Files.createDirectories(temp.resolve("echo-unix/engine-epoll/trial-1"));
        Path expected = cellDir.toAbsolutePath().resolve(CellListenAddress.SOCKET_FILE);
        CellListenAddress listen = CellListenAddress.of(Transport.UNIX, cellDir);

        assertThat(listen.serveArguments()).containsExactly("--listen", "unix:" + expected);
        Files.createFile(expected); // what serve binds
        listen.close();

        assertThat(expected).doesNotExist();
        assertThat(cellDir).isDirectory();
    }

    @Test
    void shouldFallBackToAShortTempPathWhenTheCellDirectoryIsTooDeepForSunPath() throws Exception {
        Path cellDir = Files.createDirectories(temp.resolve("a".repeat(120)).resolve("trial-1"));
        CellListenAddress listen = CellListenAddress.of(Transport.UNIX, cellDir);
        Path socket = listen.socketFile();

        assertThat(socket.startsWith(cellDir)).isFalse();
        assertThat(socket.toString().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(CellListenAddress.MAX_SOCKET_PATH_BYTES);
        assertThat(listen.serveArguments()).containsExactly("--listen", "unix:" + socket);
        Files.createFile(socket);
        listen.close();

        assertThat(socket).doesNotExist();
        assertThat(socket.getParent()).doesNotExist();
    }
}
