package io.reactorbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a cell's allocation per request was corrected for the server probe's own allocation. Answering one
 * {@code STATS} allocates (a JSON line), and the window's samples each ask one, so that cost is measured on the idle
 * server before the load and subtracted once per answer in the span: then an allocation-free server reads about 0
 * B/request instead of the probe's bytes spread over its requests.
 *
 * <p>The calibration is taken once the probe is steady: right after {@code READY} the server JVM may still be starting
 * its JFR stream and compiling, and that allocation, landing between two answers, would read as the probe's and be
 * subtracted from every sample of the window (lowering B/request, never raising it). So answers are asked for back to
 * back until two consecutive differences agree within {@link #TOLERANCE_BYTES} or {@link #TOLERANCE_SHARE} (at most
 * {@link #MAX_ANSWERS} answers), and the smaller of the two is the cost (any other thread's allocation only adds).
 *
 * <p>The correction is never clamped: when the calibrated cost of the window's answers exceeds what the server
 * allocated in the span, {@code allocatedBytesPerRequest} is the negative figure as computed, and
 * {@code belowZeroBecause} says so, with the uncorrected figure kept beside it: the server then allocated less per
 * request than the calibration can resolve, between 0 and {@code uncorrectedBytesPerRequest}.
 *
 * @param probeBytesPerAnswer        bytes one STATS answer allocates, as subtracted
 * @param probeAnswerBytes           every back-to-back difference measured, in order (the last two agreed when
 *                                   {@code steady})
 * @param steady                     whether two consecutive differences agreed before the bound on answers
 * @param method                     how the figure was taken, as a sentence
 * @param probeAnswersInWindow       STATS answers inside the span the rate was taken over (each subtracted once);
 *                                   null when no allocation per request was computed
 * @param uncorrectedBytesPerRequest the server's allocation per request over the same span before subtracting the
 *                                   probe's; null when none was computed
 * @param belowZeroBecause           why the corrected figure is negative; null (not written) when it is not
 */
public record AllocationCalibration(
        long probeBytesPerAnswer,
        List<Long> probeAnswerBytes,
        boolean steady,
        String method,
        Long probeAnswersInWindow,
        Double uncorrectedBytesPerRequest,
        @JsonInclude(JsonInclude.Include.NON_NULL) String belowZeroBecause) {

    /** Two calibrations agree when they differ by at most this many bytes ... */
    public static final long TOLERANCE_BYTES = 64;
    /** ... or by at most this share of the smaller. */
    public static final double TOLERANCE_SHARE = 0.05;
    /** Most STATS answers a calibration asks for before it settles for the smallest difference seen. */
    public static final int MAX_ANSWERS = 20;

    public AllocationCalibration {
        probeAnswerBytes = probeAnswerBytes == null ? List.of() : List.copyOf(probeAnswerBytes);
    }

    /** Whether two calibrations of the probe's cost agree within the tolerance. */
    public static boolean agree(long aBytes, long bBytes) {
        long difference = Math.abs(aBytes - bBytes);
        return difference <= TOLERANCE_BYTES || difference <= TOLERANCE_SHARE * Math.min(aBytes, bBytes);
    }

    /** The calibration with the window's figures: answers subtracted, uncorrected rate, why it fell below zero. */
    public AllocationCalibration withWindow(long answers, double uncorrectedPerRequest, String belowZero) {
        return new AllocationCalibration(probeBytesPerAnswer, probeAnswerBytes, steady, method, answers,
                uncorrectedPerRequest, belowZero);
    }
}
