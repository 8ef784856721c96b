package io.reactorbench.results.gate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the gate's roll-up: how the checks of one rule came out ({@code ✓ no-errors  24/24}), so that a
 * reader sees per rule what held before reading any failing row.
 *
 * @param rule     the rule's name
 * @param check    what it checks ({@code errors == 0}); one named rule with several budgets or metrics has a
 *                 tally per check
 * @param verdicts how many checks ended in each verdict
 */
public record RuleTally(String rule, String check, Map<Verdict, Integer> verdicts) {

    public RuleTally {
        verdicts = Collections.unmodifiableMap(new EnumMap<>(verdicts));
    }

    /** The tallies of a report's rows, in the order their rules first appear. */
    public static List<RuleTally> of(List<GateRow> rows) {
        Map<List<String>, Map<Verdict, Integer>> byCheck = new LinkedHashMap<>();
        for (GateRow row : rows) {
            byCheck.computeIfAbsent(List.of(row.rule(), row.check()), key -> new EnumMap<>(Verdict.class))
                    .merge(row.verdict(), 1, Integer::sum);
        }
        List<RuleTally> tallies = new ArrayList<>();
        byCheck.forEach((key, verdicts) -> tallies.add(new RuleTally(key.get(0), key.get(1), verdicts)));
        return tallies;
    }

    public int checks() {
        return verdicts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(Verdict verdict) {
        return verdicts.getOrDefault(verdict, 0);
    }
}
