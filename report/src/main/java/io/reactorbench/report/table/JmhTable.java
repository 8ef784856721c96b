package io.reactorbench.report.table;

import io.reactorbench.report.read.JmhResult;
import io.reactorbench.report.render.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The microbenchmarks as one table: score ± error in JMH's unit, and allocation per operation when measured. */
public final class JmhTable {

    private JmhTable() {
    }

    public static Table of(List<JmhResult> results) {
        boolean anyAlloc = results.stream().anyMatch(r -> !Double.isNaN(r.allocBytesPerOp()));
        List<String> headings = new ArrayList<>(List.of("benchmark", "mode", "params", "score", "± error", "unit"));
        if (anyAlloc) {
            headings.add("gc.alloc.rate.norm (B/op)");
        }
        List<List<TableCell>> rows = new ArrayList<>();
        for (JmhResult r : results) {
            List<TableCell> row = new ArrayList<>(List.of(
                    TableCell.text(shortName(r.benchmark())), TableCell.text(r.mode()),
                    TableCell.text(r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", "))),
                    TableCell.text(Numbers.format(r.score())), TableCell.text(Numbers.format(r.scoreError())),
                    TableCell.text(r.scoreUnit())));
            if (anyAlloc) {
                row.add(TableCell.text(Numbers.format(r.allocBytesPerOp())));
            }
            rows.add(row);
        }
        return new Table("JMH microbenchmarks", headings, rows, List.of());
    }

    /** {@code io.reactorbench.microbench.RingBufferBench.write} → {@code RingBufferBench.write}. */
    static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        int first = 0;
        while (first < parts.length - 2 && !parts[first].isEmpty() && Character.isLowerCase(parts[first].charAt(0))) {
            first++;
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, first, parts.length));
    }
}
