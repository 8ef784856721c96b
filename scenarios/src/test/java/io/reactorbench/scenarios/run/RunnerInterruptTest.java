package io.reactorbench.scenarios.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGINT to a runner JVM mid-run: every child is gone afterwards, and the run reads as incomplete. */
class RunnerInterruptTest {

    @TempDir
    Path temp;

    @Test
    void shouldLeaveNoChildAndAnIncompleteRunOnSigint() throws Exception {
        Path suite = temp.resolve("long.yaml");
        Files.writeString(suite, """
                name: long
                trials: 1
                warmup: 1s
                duration: 60s
                designs: [alpha, beta]
                scenarios:
                  - {name: echo, app: echo, connections: 1}
                """);
        Path runs = temp.resolve("runs");
        Process runner = new ProcessBuilder(StandIns.java(), "-cp", System.getProperty("java.class.path"),
                StandInRunnerMain.class.getName(), suite.toString(), runs.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("runner.log").toFile()).start();
        SigintCheck.interruptMidCellAndAssertCleanStop(runner, temp.resolve("runner.log"), runs, 30);
    }
}
