package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The uring poller's batched wait: when a loop asks the kernel for more than one completion, and for how many. */
class UringBatchedWaitTest {

    @Test
    void shouldNeverBatchAfterAPollThatReceivedOnOneConnectionOrNone() {
        assertThat(UringPoller.batchFor(0)).isZero();
        assertThat(UringPoller.batchFor(1)).isZero();
    }

    @Test
    void shouldAskForTwiceWhatTheLastPollReceivedWhileTheLoopIsNotBusy() {
        assertThat(UringPoller.batchFor(2)).isEqualTo(4);
        assertThat(UringPoller.batchFor(23)).isEqualTo(46);
    }

    @Test
    void shouldStopBatchingOnceALoopReceivesOnTwentyFourConnectionsPerPoll() {
        assertThat(UringPoller.batchFor(24)).isZero();
        assertThat(UringPoller.batchFor(4_000)).isZero();
    }

    @Test
    void shouldDefaultToAFiftyMicrosecondBatchWaitAndRefuseOneAboveAMillisecond() {
        assertThat(EngineConfig.defaults().uring()).isEqualTo(new UringTuning(false, 50));
        assertThatThrownBy(() -> new UringTuning(false, 1_001))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
