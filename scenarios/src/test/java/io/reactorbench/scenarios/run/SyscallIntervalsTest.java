package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reactorbench.results.ServerSyscalls;
import org.junit.jupiter.api.Test;

class SyscallIntervalsTest {

    /** perf stat -x, -I 500 as it writes it: a comment, then one line per event and interval. */
    private static final String PERF_CSV = """
            # started on Sat Dec  5 20:30:00 2026

                 0.500123456,900,,syscalls:sys_enter_read,500000000,100.00,,
                 0.500123456,900,,syscalls:sys_enter_write,500000000,100.00,,
                 0.500123456,<not counted>,,syscalls:sys_enter_io_uring_enter,0,100.00,,
                 0.500123456,2000,,raw_syscalls:sys_enter,500000000,100.00,,
                 1.000200000,1000,,syscalls:sys_enter_read,500000000,100.00,,
                 1.000200000,1000,,syscalls:sys_enter_write,500000000,100.00,,
                 1.000200000,250,,syscalls:sys_enter_epoll_wait,500000000,100.00,,
                 1.000200000,0,,syscalls:sys_enter_io_uring_enter,500000000,100.00,,
                 1.000200000,2400,,raw_syscalls:sys_enter,500000000,100.00,,
                 1.500300000,1000,,syscalls:sys_enter_read,500000000,100.00,,
                 1.500300000,1000,,syscalls:sys_enter_write,500000000,100.00,,
                 1.500300000,250,,syscalls:sys_enter_epoll_wait,500000000,100.00,,
                 1.500300000,2400,,raw_syscalls:sys_enter,500000000,100.00,,
                 1.700000000,99999,,syscalls:sys_enter_read,200000000,100.00,,
            """;

    @Test
    void shouldReadEveryIntervalByNameWithTheTotalAndWithoutUncountedEvents() {
        SyscallIntervals parsed = SyscallIntervals.parse(PERF_CSV, 10_000);

        assertThat(parsed.intervals()).hasSize(4);
        SyscallIntervals.Interval first = parsed.intervals().getFirst();
        assertThat(first.startSeconds()).isZero();
        assertThat(first.endSeconds()).isEqualTo(0.500123456);
        assertThat(first.counts()).containsOnlyKeys("read", "write", ServerSyscalls.TOTAL);
        assertThat(parsed.intervals().get(1).startSeconds()).isEqualTo(0.500123456);
        assertThat(parsed.intervals().get(1).counts()).containsEntry("epoll_wait", 250L).containsEntry("total", 2400L);
    }

    @Test
    void shouldDivideTheCallsOfTheIntervalsInsideTheWindowByTheRequestsTheyCover() {
        SyscallIntervals parsed = SyscallIntervals.parse(PERF_CSV, 10_000);
        // the window holds the 2nd and 3rd intervals (10,500.1 .. 11,500.3 ms), not the warm-up's first or the last
        MeasuredWindow window = new MeasuredWindow(10_400, 11_600);

        ServerSyscalls perRequest = parsed.perRequest(window, 2_000, "m");

        // 1.0001 s covered at 2,000 requests/s: 2,000.2 requests for 2,000 reads
        assertThat(perRequest.countedSeconds()).isCloseTo(1.0, within(0.001));
        assertThat(perRequest.of("read")).isCloseTo(1.0, within(0.001));
        assertThat(perRequest.of("write")).isCloseTo(1.0, within(0.001));
        assertThat(perRequest.of("epoll_wait")).isCloseTo(0.25, within(0.001));
        assertThat(perRequest.of(ServerSyscalls.TOTAL)).isCloseTo(2.4, within(0.001));
        assertThat(perRequest.perRequest()).doesNotContainKey("io_uring_enter"); // counted 0: left out
        assertThat(perRequest.method()).isEqualTo("m");
    }

    @Test
    void shouldGiveNothingWhenNoIntervalLiesInsideTheWindowOrNothingWasAnswered() {
        SyscallIntervals parsed = SyscallIntervals.parse(PERF_CSV, 10_000);

        assertThat(parsed.perRequest(new MeasuredWindow(10_100, 10_400), 2_000, "m")).isNull();
        assertThat(parsed.perRequest(new MeasuredWindow(10_400, 11_600), 0, "m")).isNull();
        assertThat(SyscallIntervals.parse("", 0).perRequest(new MeasuredWindow(0, 1_000), 1, "m")).isNull();
    }
}
