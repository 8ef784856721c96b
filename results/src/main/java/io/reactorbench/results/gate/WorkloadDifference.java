package io.reactorbench.results.gate;

import io.reactorbench.results.CellParams;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Says which workload parameters of a cell differ between baseline and candidate: {@code cpuSpinNs 0 -> 50000}. */
final class WorkloadDifference {

    private WorkloadDifference() {
    }

    static String describe(CellParams before, CellParams after) {
        List<String> differences = new ArrayList<>();
        for (RecordComponent component : CellParams.class.getRecordComponents()) {
            Object was = value(component, before);
            Object is = value(component, after);
            if (!Objects.equals(was, is)) {
                differences.add(component.getName() + " " + was + " -> " + is);
            }
        }
        return String.join(", ", differences);
    }

    private static Object value(RecordComponent component, CellParams params) {
        try {
            return component.getAccessor().invoke(params);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + params, e);
        }
    }
}
