package io.reactorbench.engine;

/**
 * The life of one connection as a state-transition table: the phases it goes through, the events that move it, and
 * the effects the loop must carry out on each move. Pure and allocation-free: the loop keeps each connection's
 * state word in {@link ConnectionTable}, looks up {@link #cell} for an event, stores {@link #next} and runs the
 * {@link #effects} ({@link Connections#on}). A pair the table does not list is {@link #REFUSED}: an engine bug.
 *
 * <pre>
 *   OPEN ─close requested─▶ CLOSING ─outbound drained─▶ LINGERING ─linger ended / stopping─▶ CLOSED
 *     │                           │ stopping                                                   ▲
 *     └─input ended / stopping─▶ CLOSING_NO_LINGER ─outbound drained───────────────────────────┘
 *   every live phase ──aborted──▶ CLOSED;  pauses and water marks move no phase: they shut and open read gates
 * </pre>
 *
 * <p>The state word: bits 0–1 the read gates ({@link #PAUSED_BY_HANDLER}, {@link #PAUSED_BY_BACKPRESSURE}),
 * bits 2–4 the phase, bits 5–6 the poller interest ({@link ConnectionTable#WANTS_WRITE},
 * {@link ConnectionTable#WANTS_READ}: not the lifecycle's, only what the poller was last told, which {@link #next}
 * leaves alone). {@link #OPEN} is 0, so "OPEN with both gates open" — may read — is one mask test on the hot path.
 */
final class ConnectionLifecycle {

    // ------------------------------------------------------------------ read gates (flags in the state word)

    /** Reading stopped by the handler (e.g. while its blocking work runs elsewhere). */
    static final int PAUSED_BY_HANDLER = 1;
    /** Reading stopped because the unsent bytes passed the high-water mark; asyncWrites refused meanwhile. */
    static final int PAUSED_BY_BACKPRESSURE = 1 << 1;

    // ------------------------------------------------------------------ phases (the value of state & PHASE_MASK)

    private static final int PHASE_SHIFT = 2;
    static final int PHASE_MASK = 7 << PHASE_SHIFT;
    /** Reading and writing. */
    static final int OPEN = 0;
    /** Close asked: reading stopped, queued replies going out; then our FIN and {@link #LINGERING}. */
    static final int CLOSING = 1 << PHASE_SHIFT;
    /** Like {@link #CLOSING}, then closed at once: the peer's FIN was read (no RST to fear) or the loop stops. */
    static final int CLOSING_NO_LINGER = 2 << PHASE_SHIFT;
    /** Output shut down after the last reply; reading and discarding until the peer's FIN, a byte cap or a deadline. */
    static final int LINGERING = 3 << PHASE_SHIFT;
    /** Only ever a target: the slot is freed, so no stored state word holds it and every event is refused. */
    static final int CLOSED = 4 << PHASE_SHIFT;
    static final int PHASES = 5;

    // ------------------------------------------------------------------ events

    /** {@link Conn#close}, {@link Action#CLOSE} or {@link Engine#asyncClose}. */
    static final int CLOSE_REQUESTED = 0;
    /** A read saw the peer's FIN (every byte before it was handed to onTraffic). */
    static final int INPUT_ENDED = 1;
    /** The loop began its shutdown. */
    static final int STOPPING = 2;
    /** Nothing queued is left to send (checked when closing starts, and after each flush). */
    static final int OUTBOUND_DRAINED = 3;
    /** While lingering: the peer's FIN, a failed read, the byte cap or the linger deadline. */
    static final int LINGER_ENDED = 4;
    /** A failure (socket, handler, poller, out of memory) or the idle timeout: close now, with a cause. */
    static final int ABORTED = 5;
    /** {@link Conn#pauseReading}. */
    static final int HANDLER_PAUSED = 6;
    /** {@link Conn#resumeReading} while paused. */
    static final int HANDLER_RESUMED = 7;
    /** Unsent bytes went above the high-water mark. */
    static final int ABOVE_HIGH_WATER = 8;
    /** Unsent bytes fell to the low-water mark while paused by backpressure. */
    static final int AT_LOW_WATER = 9;
    static final int EVENTS = 10;

    // ------------------------------------------------------------------ effects the loop carries out (bits)

    static final int NONE = 0;
    /** Tell the poller what the connection now waits for (after the callback, when inside one). */
    static final int UPDATE_INTEREST = 1;
    /** Nothing queued: {@link #OUTBOUND_DRAINED} at once; else wait for writability ({@link #UPDATE_INTEREST}). */
    static final int FINISH_IF_DRAINED = 1 << 1;
    /** Send our FIN after the last reply (shutdown SHUT_WR). */
    static final int SHUT_OUTPUT = 1 << 2;
    /** Schedule the linger deadline on the timing wheel. */
    static final int START_LINGER_DEADLINE = 1 << 3;
    /** Give back the buffers, tell the handler (onClose), close the socket, free the slot. */
    static final int CLOSE = 1 << 4;
    /** {@link EventHandler#onWritable}: off-loop writers may go on. */
    static final int SIGNAL_WRITABLE = 1 << 5;
    /** Read again: what arrived while the gate was shut brought no new readiness (edge-triggered) or is buffered. */
    static final int RESUME_READING = 1 << 6;

    static final int REFUSED = -1;

    /** Table wildcards: "each of OPEN, CLOSING, CLOSING_NO_LINGER, LINGERING" and "the phase it was in". */
    private static final int LIVE = -1;
    private static final int SAME = -2;

    /** The whole table; every (phase, event) pair not listed is refused. Gates: +flag shuts it, -flag opens it. */
    private static final int[][] TABLE = {
        // from            event              to                 gates                    effects
        {OPEN,              CLOSE_REQUESTED,  CLOSING,           0,                       FINISH_IF_DRAINED},
        {CLOSING,           CLOSE_REQUESTED,  CLOSING,           0,                       FINISH_IF_DRAINED},
        {CLOSING_NO_LINGER, CLOSE_REQUESTED,  CLOSING_NO_LINGER, 0,                       FINISH_IF_DRAINED},
        {LINGERING,         CLOSE_REQUESTED,  LINGERING,         0,                       NONE}, // output already shut
        {OPEN,              INPUT_ENDED,      CLOSING_NO_LINGER, 0,                       FINISH_IF_DRAINED},
        {OPEN,              STOPPING,         CLOSING_NO_LINGER, 0,                       FINISH_IF_DRAINED},
        {CLOSING,           STOPPING,         CLOSING_NO_LINGER, 0,                       FINISH_IF_DRAINED},
        {CLOSING_NO_LINGER, STOPPING,         CLOSING_NO_LINGER, 0,                       FINISH_IF_DRAINED},
        {LINGERING,         STOPPING,         CLOSED,            0,                       CLOSE},
        {CLOSING,           OUTBOUND_DRAINED, LINGERING,         0,                       SHUT_OUTPUT
                                                                                          | START_LINGER_DEADLINE
                                                                                          | UPDATE_INTEREST},
        {CLOSING_NO_LINGER, OUTBOUND_DRAINED, CLOSED,            0,                       CLOSE},
        {LINGERING,         LINGER_ENDED,     CLOSED,            0,                       CLOSE},
        {LIVE,              ABORTED,          CLOSED,            0,                       CLOSE},
        {LIVE,              HANDLER_PAUSED,   SAME,              +PAUSED_BY_HANDLER,      UPDATE_INTEREST},
        {LIVE,              HANDLER_RESUMED,  SAME,              -PAUSED_BY_HANDLER,      RESUME_READING},
        {LIVE,              ABOVE_HIGH_WATER, SAME,              +PAUSED_BY_BACKPRESSURE, UPDATE_INTEREST},
        {LIVE,              AT_LOW_WATER,     SAME,              -PAUSED_BY_BACKPRESSURE, SIGNAL_WRITABLE | RESUME_READING},
    };

    private static final int[] LIVE_PHASES = {OPEN, CLOSING, CLOSING_NO_LINGER, LINGERING};
    private static final String[] PHASE_NAMES = {"OPEN", "CLOSING", "CLOSING_NO_LINGER", "LINGERING", "CLOSED"};
    private static final String[] EVENT_NAMES = {"CLOSE_REQUESTED", "INPUT_ENDED", "STOPPING", "OUTBOUND_DRAINED",
            "LINGER_ENDED", "ABORTED", "HANDLER_PAUSED", "HANDLER_RESUMED", "ABOVE_HIGH_WATER", "AT_LOW_WATER"};

    // A cell packs the effects (bits 0-7), the gates to shut (8-9) and to open (10-11), and the next phase (its
    // state-word value shifted to bit 16), so a transition costs one array load and a few mask operations.
    private static final int SHUT_SHIFT = 8;
    private static final int OPEN_SHIFT = 10;
    private static final int TO_SHIFT = 16;
    private static final int[] CELLS = compile();

    private ConnectionLifecycle() {
    }

    /** What {@code event} does in the phase of {@code state}: a packed cell, or {@link #REFUSED}. */
    static int cell(int state, int event) {
        return CELLS[phaseIndex(state) * EVENTS + event];
    }

    /** The state word after the transition {@code cell}: phase and gates changed, interest bits kept. */
    static int next(int state, int cell) {
        int shut = (cell >>> SHUT_SHIFT) & 3;
        int opened = (cell >>> OPEN_SHIFT) & 3;
        return (state & ~(PHASE_MASK | opened)) | shut | (cell >>> TO_SHIFT);
    }

    static int effects(int cell) {
        return cell & 0xFF;
    }

    static int phase(int state) {
        return state & PHASE_MASK;
    }

    /** OPEN with both read gates open: input is read and handed to onTraffic. */
    static boolean mayRead(int state) {
        return (state & (PHASE_MASK | PAUSED_BY_HANDLER | PAUSED_BY_BACKPRESSURE)) == 0;
    }

    /** Whether the poller should report readability: to read, or (lingering, whatever the gates) to discard. */
    static boolean wantsRead(int state) {
        return mayRead(state) || phase(state) == LINGERING;
    }

    static boolean isClosing(int state) {
        int phase = phase(state);
        return phase == CLOSING || phase == CLOSING_NO_LINGER;
    }

    static String phaseName(int state) {
        return PHASE_NAMES[phaseIndex(state)];
    }

    static String eventName(int event) {
        return EVENT_NAMES[event];
    }

    private static int phaseIndex(int state) {
        return (state & PHASE_MASK) >>> PHASE_SHIFT;
    }

    private static int[] compile() {
        int[] cells = new int[PHASES * EVENTS];
        java.util.Arrays.fill(cells, REFUSED);
        for (int[] row : TABLE) {
            int[] froms = row[0] == LIVE ? LIVE_PHASES : new int[] {row[0]};
            for (int from : froms) {
                int to = row[2] == SAME ? from : row[2];
                int gates = row[3];
                int shut = gates > 0 ? gates : 0;
                int opened = gates < 0 ? -gates : 0;
                int index = phaseIndex(from) * EVENTS + row[1];
                if (cells[index] != REFUSED) {
                    throw new IllegalStateException("two rows for " + PHASE_NAMES[phaseIndex(from)] + " + "
                            + EVENT_NAMES[row[1]]);
                }
                cells[index] = row[4] | shut << SHUT_SHIFT | opened << OPEN_SHIFT | to << TO_SHIFT;
            }
        }
        return cells;
    }
}
