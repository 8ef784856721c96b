package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DoctorCommandTest {

    private record Outcome(int exitCode, String out) {
    }

    private static Outcome doctor(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 1];
            all[0] = "doctor";
            System.arraycopy(args, 0, all, 1, args.length);
            return new Outcome(Main.execute(all), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void shouldReportTheMachineAndEveryDesign() {
        Outcome outcome = doctor();

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("JDK").contains("cores").contains("taskset").contains("open files")
                .contains("ephemeral ports").contains("somaxconn").contains("tcp_mem").contains("fonts")
                .contains("design vthreads").contains("max connections");
    }

    @Test
    void shouldSayNothingMustChangeForAFewConnections() {
        Outcome outcome = doctor("--connections", "10");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("to hold 10 connections").contains("this machine allows at most");
    }

    @Test
    void shouldNameTheFirstBindingLimitAndTheProcessesAMillionConnectionsTake() {
        Outcome outcome = doctor("--connections", "1000000");

        // what this machine's numbers give is CapacityPlanTest's business; here: doctor prints the plan
        assertThat(outcome.out()).contains("to hold 1000000 connections").contains("open files")
                .contains("ephemeral ports").contains("pid_max").contains("memory").contains("first binding limit: ")
                .containsPattern("feasible with \\d+ server processes, \\d+ load processes and \\d+ source addresses"
                        + "|not possible here");
        assertThat(outcome.exitCode()).isEqualTo(outcome.out().contains("not possible here") ? 1 : 0);
    }

    @Test
    void shouldFailForMoreConnectionsThanThisMachineCanHoldWithAnyProcessCount() {
        Outcome outcome = doctor("--connections", "5000000");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.out()).contains("not possible here");
    }
}
