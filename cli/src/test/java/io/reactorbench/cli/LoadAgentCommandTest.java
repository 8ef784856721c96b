package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An agent runs the parent's load, less what the parent resolves itself, with its own share and files. */
class LoadAgentCommandTest {

    @Test
    void shouldPassOnTheLoadAndLeaveOutWhatTheParentResolves() {
        LoadAgentCommand agent = new LoadAgentCommand(List.of("--target", "127.0.0.1:9", "--agents", "2",
                "--json", "out.json", "--hlog=out.hlog", "--threshold", "p99<5ms", "--no-summary", "--report-memory",
                "--progress", "lines", "--connections", "100", "--duration=1s", "--start-barrier", "parent.ready"));

        List<String> command = agent.command(1, 2, Path.of("a1.json"), Path.of("a1.hlog"), Path.of("a1.ready"));

        assertThat(command.subList(command.indexOf(Main.class.getName()), command.size())).containsExactly(
                Main.class.getName(), "load", "--target", "127.0.0.1:9", "--connections", "100", "--duration=1s",
                "--shard", "1/2", "--json", "a1.json", "--hlog", "a1.hlog", "--start-barrier", "a1.ready", "--progress",
                "none", "--no-summary");
    }
}
