package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.ScenarioParams;
import io.reactorbench.report.model.ServerCost;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.render.Section;
import io.reactorbench.report.table.Table;
import io.reactorbench.report.table.TableCell;
import io.reactorbench.results.CellKey;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.GcPauses;
import io.reactorbench.results.ServerSyscalls;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyscallSectionTest {

    private static TrialResult trial(String design, int trial, double cpuUs, Map<String, Double> perRequest) {
        ServerSyscalls syscalls = perRequest == null ? null : new ServerSyscalls(perRequest, 4.5, "m");
        return new TrialResult(new CellKey("echo", "connections=1000", design), trial, true, "",
                new ScenarioParams("echo", "closed", 1_000, Double.NaN), 5, 100_000, 20_000, ErrorCounts.NONE, null,
                null, new ServerCost(cpuUs, 0, GcPauses.NONE, Double.NaN, Double.NaN, Double.NaN, syscalls), null,
                Double.NaN, null, Double.NaN);
    }

    private static RunView run(List<TrialResult> trials) {
        return new RunView(Path.of("."), "id", "suite", "complete", "", "", null, List.of(), trials, List.of());
    }

    @Test
    void shouldShowEachDesignsCallsPerRequestByNameWaitsFirstTotalLastWithTheMedianOverTrials() {
        Section section = SyscallSection.of(run(List.of(
                trial("engine-epoll", 1, 10.0, Map.of("read", 1.0, "write", 1.0, "epoll_wait", 0.2, "total", 2.3)),
                trial("engine-epoll", 2, 12.0, Map.of("read", 1.0, "write", 1.0, "epoll_wait", 0.4, "total", 2.5)),
                trial("engine-epoll", 3, 11.0, Map.of("read", 1.0, "write", 1.0, "epoll_wait", 0.3, "total", 2.4)),
                trial("engine-uring", 1, 8.0, Map.of("io_uring_enter", 0.05, "total", 0.06)),
                trial("vthreads", 1, 20.0, null)))).orElseThrow();

        assertThat(section.heading()).isEqualTo(SyscallSection.HEADING);
        Table table = section.tables().getFirst();
        assertThat(table.title()).isEqualTo("echo@connections=1000");
        assertThat(table.headings()).containsExactly("design", "CPU µs/req", "epoll_wait/req", "io_uring_enter/req",
                "read/req", "write/req", "total/req");
        assertThat(table.rows()).hasSize(2); // vthreads was not counted: no row
        List<String> epoll = table.rows().get(0).stream().map(TableCell::text).toList();
        assertThat(epoll).containsExactly("engine-epoll", "11", "0.3", "0", "1", "1", "2.4");
        assertThat(table.rows().get(0).get(2).detail()).isEqualTo("0.2–0.4");
        List<String> uring = table.rows().get(1).stream().map(TableCell::text).toList();
        assertThat(uring).containsExactly("engine-uring", "8", "0", "0.05", "0", "0", "0.06");
    }

    @Test
    void shouldBeAbsentWhenNoTrialCountedSystemCalls() {
        assertThat(SyscallSection.of(run(List.of(trial("engine-epoll", 1, 10.0, null))))).isEmpty();
    }
}
