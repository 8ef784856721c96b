package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The uring poller's batched wait: when a loop asks the kernel for more than one completion, and for how many. */
class UringBatchedWaitTest {

    @Test
    void shouldNeverBatchAfterAPollThatReceivedOnOneConnectionOrNone() {
        assertThat(UringBatchedWait.batchFor(0)).isZero();
        assertThat(UringBatchedWait.batchFor(1)).isZero();
    }

    @Test
    void shouldAskForTwiceWhatTheLastPollReceivedWhileTheLoopIsNotBusy() {
        assertThat(UringBatchedWait.batchFor(2)).isEqualTo(4);
        assertThat(UringBatchedWait.batchFor(23)).isEqualTo(46);
    }

    @Test
    void shouldStopBatchingOnceALoopReceivesOnTwentyFourConnectionsPerPoll() {
        assertThat(UringBatchedWait.batchFor(24)).isZero();
        assertThat(UringBatchedWait.batchFor(4_000)).isZero();
    }

    @Test
    void shouldDefaultToAFiftyMicrosecondBatchWaitAndRefuseOneAboveAMillisecond() {
        assertThat(EngineConfig.defaults().uring()).isEqualTo(new UringTuning(false, 50));
        assertThatThrownBy(() -> new UringTuning(false, 1_001))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
