package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.cli.ReportCliFixture.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The commands behave alike: exit codes, help, suggestions, which run a directory of runs means, JSON output. */
@Timeout(180)
class CliConsistencyTest {

    @TempDir
    Path temp;

    @Test
    void shouldExitTwoWithUsageOnStderrWithoutACommandAsWithoutASubcommand() {
        Outcome bare = ReportCliFixture.execute();
        Outcome group = ReportCliFixture.execute("baseline");

        assertThat(bare.exitCode()).isEqualTo(2).isEqualTo(group.exitCode());
        assertThat(bare.err()).contains("Usage: reactorbench");
        assertThat(bare.out()).isEmpty();
    }

    @Test
    void shouldShowTheHelpOfTheSubcommandTheWholePathNames() {
        Outcome outcome = ReportCliFixture.execute("help", "baseline", "save");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).startsWith("Usage: reactorbench baseline save").contains("--to");
    }

    @Test
    void shouldSuggestTheNearestCommandOptionAndDesign() {
        assertThat(ReportCliFixture.execute("serv").err()).contains("Did you mean 'serve'");
        assertThat(ReportCliFixture.execute("load", "--targt", "127.0.0.1:1").err()).contains("Did you mean '--target'");
        Outcome design = ReportCliFixture.execute("serve", "--server", "engine-nii", "--app", "echo");
        assertThat(design.exitCode()).isEqualTo(2);
        assertThat(design.err()).contains("Did you mean 'engine-nio'?");
        assertThat(ReportCliFixture.execute("help", "baseline", "sav").err()).contains("Did you mean 'save'?");
    }

    @Test
    void shouldTakeADirectoryOfRunsAsItsNewestInReportAndTheTwoNewestInCompare() {
        Path runs = temp.resolve("runs");
        ReportCliFixture.copyRun(runs.resolve("20260101-000000-smoke"));
        Path newest = ReportCliFixture.copyRun(runs.resolve("20260102-000000-smoke"));

        Outcome report = ReportCliFixture.execute("report", runs.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out().strip()).isEqualTo(newest.resolve("report/index.html").toString());

        Outcome compare = ReportCliFixture.execute("compare", runs.toString(), runs.toString());
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        assertThat(compare.err()).contains("comparing the two newest runs");
        assertThat(newest.resolve("compare-vs-20260101-000000-smoke/index.html")).isRegularFile();
    }

    @Test
    void shouldListDesignsAsJsonForScripts() {
        Outcome outcome = ReportCliFixture.execute("servers", "--json");

        assertThat(outcome.exitCode()).isZero();
        List<Map<String, Object>> designs = JsonMapper.builder().build().readValue(outcome.out(),
                new tools.jackson.core.type.TypeReference<>() { });
        assertThat(designs).anySatisfy(d -> {
            assertThat(d).containsEntry("id", "engine-nio").containsEntry("available", true);
            assertThat(d.get("options")).asString().contains("lb");
        });
        assertThat(designs).allSatisfy(d -> assertThat(d).containsKeys("id", "available", "cause", "description",
                "options"));
    }

    @Test
    void shouldGroupLoadOptionsUnderHeadingsAndListEachOnce() {
        Outcome outcome = ReportCliFixture.execute("load", "--help");

        String help = outcome.out();
        assertThat(help).contains("What to load:", "Connections and pacing:", "How long:", "Output:");
        assertThat(help.indexOf("What to load:")).isLessThan(help.indexOf("      --url="));
        assertThat(help.indexOf("How long:")).isLessThan(help.indexOf("      --duration="));
        for (String option : List.of("--target=", "--duration=", "--json=", "--agents=")) {
            assertThat(help.split("\n      " + java.util.regex.Pattern.quote(option), -1)).as(option).hasSize(2);
        }
    }
}
