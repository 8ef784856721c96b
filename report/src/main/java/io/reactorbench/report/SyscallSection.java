package io.reactorbench.report;

import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.render.Numbers;
import io.reactorbench.report.render.Section;
import io.reactorbench.report.table.Table;
import io.reactorbench.report.table.TableCell;
import io.reactorbench.results.ServerSyscalls;
import io.reactorbench.results.Spread;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The report's part on system calls per request (issue 21, {@code run --syscalls}): per scenario, a row per design
 * with its CPU per request beside the calls it made per request by name, so the table shows why one design is
 * cheaper (an io_uring design's one {@code io_uring_enter} for many requests against an epoll design's
 * {@code epoll_wait}, {@code read} and {@code write} per request). Each figure is the median over the trials that
 * counted, with the min–max below. Absent when the run counted nothing.
 */
final class SyscallSection {

    static final String HEADING = "System calls per request";
    static final String INTRO = "The server's system calls per request in the measured window, by name, counted inside "
            + "the kernel by perf's syscall tracepoints (counters, not a trace; run --syscalls). `total` is every "
            + "system call the server made. Counting slows each system call (+8.5 % server CPU per echo round trip where "
            + "measured), so the CPU column of such a run includes that cost: compare it only with runs counted alike.";
    /** Columns in the order a request meets them: waiting for readiness, reading, writing; then the rest, then all. */
    private static final List<String> ORDER = List.of("epoll_wait", "epoll_pwait", "epoll_pwait2", "io_uring_enter",
            "read", "readv", "recvfrom", "recvmsg", "write", "writev", "sendto", "sendmsg");

    private SyscallSection() {
    }

    static Optional<Section> of(RunView run) {
        List<Table> tables = new ArrayList<>();
        run.trialsByScenarioAndDesign().forEach((scenario, byDesign) -> table(scenario, byDesign).ifPresent(tables::add));
        return tables.isEmpty() ? Optional.empty()
                : Optional.of(new Section(HEADING, List.of(INTRO), tables, List.of(), List.of()));
    }

    private static Optional<Table> table(String scenario, Map<String, List<TrialResult>> byDesign) {
        TreeSet<String> names = new TreeSet<>(Comparator.comparingInt(SyscallSection::rank)
                .thenComparing(Comparator.naturalOrder()));
        byDesign.values().stream().flatMap(List::stream).map(SyscallSection::counted).filter(Objects::nonNull)
                .forEach(s -> names.addAll(s.perRequest().keySet()));
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<String> headings = new ArrayList<>(List.of("design", "CPU µs/req"));
        names.forEach(name -> headings.add(name + "/req"));
        List<List<TableCell>> rows = new ArrayList<>();
        byDesign.forEach((design, trials) -> {
            List<TrialResult> countedTrials = trials.stream().filter(t -> counted(t) != null).toList();
            if (countedTrials.isEmpty()) {
                return;
            }
            List<TableCell> row = new ArrayList<>();
            row.add(TableCell.text(design));
            row.add(median(countedTrials.stream().map(t -> t.server().cpuUsPerRequest()).toList()));
            for (String name : names) {
                row.add(median(countedTrials.stream().map(t -> counted(t).of(name)).toList()));
            }
            rows.add(row);
        });
        return Optional.of(new Table(scenario, headings, rows, List.of()));
    }

    private static ServerSyscalls counted(TrialResult trial) {
        return trial.ok() ? trial.server().syscalls() : null;
    }

    private static int rank(String name) {
        int at = ORDER.indexOf(name);
        return name.equals(ServerSyscalls.TOTAL) ? Integer.MAX_VALUE : at >= 0 ? at : ORDER.size();
    }

    /** The median over the trials that counted, min–max below it when there were several. */
    private static TableCell median(List<Double> values) {
        Spread spread = Spread.ofValues(values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v))
                .toArray());
        return new TableCell(Numbers.format(spread.median()), spread.n() > 1 ? Numbers.range(spread.min(), spread.max())
                : "", false, false);
    }
}
