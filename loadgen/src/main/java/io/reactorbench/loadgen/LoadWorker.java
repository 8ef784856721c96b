package io.reactorbench.loadgen;

import io.reactorbench.wire.spi.Transport;
import io.reactorbench.wire.units.Durations;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One load thread: its own {@link Poller} (NIO Selector or FFM epoll) and a share of the connections, whose state
 * lives in flat arrays indexed by slot. A connection costs a few array elements (plus, with NIO, the channel
 * objects NIO forces); a request costs nothing on the heap.
 */
final class LoadWorker implements Runnable {

    /** Longest a request can be recorded as; longer ones are clamped (and the timeout fires long before). */
    static final long MAX_LATENCY_NS = TimeUnit.HOURS.toNanos(1);
    /** Longest the loop sleeps in select, so that a stop or start is seen promptly. */
    private static final long MAX_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(50);
    /** How often outstanding requests and pending connects are checked against the timeout. */
    private static final long SWEEP_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Pause before a slot reconnects after an error, so a dead server is not hammered in a tight loop. */
    private static final long RECONNECT_DELAY_NS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Schedule events handled per loop turn, so reads are not starved while catching up. */
    private static final int EVENTS_PER_TURN = 4096;
    /**
     * At rates above 10,000/s per thread, waking for every send costs more system calls than the sends; the
     * loop then wakes at most every 100 µs and sends what is due, each up to 100 µs late (and measured so: the
     * corrected histogram counts from the intended time, so the slack can only make latency look worse).
     */
    private static final long MAX_SEND_SLACK_NS = 100_000;
    /** A park does not see answers arriving; never park longer than this (answers wait at most that long). */
    private static final long MAX_BLIND_PARK_NS = 50_000;
    private static final int BUFFER_BYTES = 64 * 1024;
    /**
     * slowread: how often each connection reads what its rate allows. Reading on a clock instead of on readiness
     * keeps the socket's receive buffer full (the point of the model) without a wake-up per byte.
     */
    private static final long SLOW_READ_TICK_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private static final byte IDLE = 0;
    private static final byte CONNECTING = 1;
    private static final byte OPEN = 2;
    private static final byte OPEN_WANTS_WRITE = 3;

    private final int index;
    private final int workers;
    private final LoadSpec spec;
    private final RunControl control;
    private final Protocol protocol;
    private final int slots;
    private final int depth;
    private final boolean batch;
    private final int requestBytes;
    /** Bytes per write: as much as the buffer holds on a stream; exactly one request per datagram on UDP. */
    private final int writeChunkBytes;
    private final long budget;
    final LatencyRecorder latencies;
    /** Churn: connections that completed their request and closed. */
    final AtomicLong closedCycles = new AtomicLong();
    /** Answers completed (all models; the slowread model's count of requests, which records no latency). */
    final AtomicLong answered = new AtomicLong();
    /** Request bytes written (slowread only) and answer bytes read (all models), over all connections. */
    final AtomicLong bytesSent = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    /** slowread, written by the worker only and read after it has been joined: see {@link SendStalls}. */
    final SendStalls stalls;

    private final Poller poller;
    private final byte[] state;
    /** Requests issued / completed (or abandoned) on the slot, over all its connections. */
    private final long[] issued;
    private final long[] completed;
    /** Sequence number of the first request of the slot's current connection. */
    private final long[] firstSeq;
    /** Request-stream bytes written on the current connection. */
    private final long[] written;
    /**
     * When the slot may reconnect (IDLE), or when its connect started (CONNECTING); ceiling model, while OPEN: the
     * intended send time of its request in flight (one at a time), so the model costs no extra array.
     */
    private final long[] timeNs;
    /** Actual send time of each request in flight: a ring of {@code depth} per slot. */
    private final long[] sentNs;
    /** Slots waiting to connect, in the order they may: a ring, each slot at most once. */
    private final int[] openQueue;
    private int openHead;
    private int openCount;
    /** Slots whose first connect attempt has finished, one way or the other. */
    private final java.util.BitSet tried;
    private int slotsTried;
    private boolean reportedConnected;

    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final Poller.Handler onReady = this::onReady;
    private final double connectIntervalNs;
    private long nextConnectNs;
    private OpenLoopSchedule schedule;
    private long nextEvent;
    private long sendSlackNs;
    private long nextSweepNs;
    private long issuedTotal;
    private volatile boolean done;
    private final boolean slowRead;
    /** slowread: requests a connection may have in flight ({@code --max-in-flight} / request size). */
    private final long maxInFlightRequests;
    /** slowread: answer bytes each slot has read since the run started (the throttle's account). */
    private final long[] slotReadBytes;
    private long runStartNs;
    private long nextSlowReadNs;

    // Ceiling and sweep models (see StepControl): the slots of the current step are 0 .. stepSlots-1; a sweep opens
    // them all at once and runs its rates as holds, without verification rounds.
    private final boolean ceiling;
    private int stepSlots;
    /** Slots that answered in the current verification round: a bit per connection. */
    private final java.util.BitSet verifiedSlots;
    private int verifyRoundSeen;
    private int verifiedInRound;
    /** The slots the current round verifies: those of the step it began in. */
    private int verifySlots;
    /** The round in the high 32 bits, its verified count in the low ones: read by the coordinator as one value. */
    private volatile long verifiedInRoundTagged;
    private int verifyCursor;
    private long nextVerifyNs;
    private final double verifyIntervalNs;
    private StepControl.Hold hold;
    private OpenLoopSchedule holdSchedule;
    private long holdEvent;
    /** The hold's next event is due but every connection has a request in flight: it goes out with the next answer. */
    private boolean holdWaitsForSlot;
    private final java.util.SplittableRandom random;
    /** The last hold whose requests have all been answered (or abandoned) after its end; read by the coordinator. */
    private volatile int drainedHoldRound;

    LoadWorker(int index, int workers, int slots, LoadSpec spec, RunControl control, LatencyRecorder latencies)
            throws IOException {
        this.index = index;
        this.latencies = latencies;
        this.workers = workers;
        this.slots = slots;
        this.spec = spec;
        this.control = control;
        this.depth = spec.depth();
        this.batch = spec.batch();
        this.protocol = Protocol.create(spec, slots);
        this.requestBytes = protocol.requestBytes();
        this.writeChunkBytes = spec.transport() == Transport.UDP ? requestBytes : BUFFER_BYTES;
        this.budget = spec.maxRequests() == 0 ? Long.MAX_VALUE
                : Math.max(1, spec.maxRequests() * slots / spec.connections());
        this.state = new byte[slots];
        this.issued = new long[slots];
        this.completed = new long[slots];
        this.firstSeq = new long[slots];
        this.written = new long[slots];
        this.timeNs = new long[slots];
        this.sentNs = new long[slots * depth];
        this.openQueue = new int[slots];
        for (int s = 0; s < slots; s++) {
            openQueue[s] = s;
        }
        this.ceiling = spec.model() == LoadModel.CEILING || spec.model() == LoadModel.SWEEP;
        // Ceiling: slots are queued step by step, as the coordinator raises the count (see followSteps).
        this.openCount = ceiling ? 0 : slots;
        this.verifiedSlots = ceiling ? new java.util.BitSet(slots) : null;
        this.verifyIntervalNs = spec.ceiling() != null ? 1e9 * workers / spec.ceiling().verifyRatePerSec() : 0;
        // Seeded by position, so a run picks the same connections again (uniform either way).
        this.random = new java.util.SplittableRandom(31L * spec.shardIndex() + index);
        this.tried = new java.util.BitSet(slots);
        this.connectIntervalNs = 1e9 * workers / spec.connectRatePerSec();
        this.poller = Poller.open(spec.poller(), slots, spec.transport());
        this.slowRead = spec.model() == LoadModel.SLOWREAD;
        this.maxInFlightRequests = Math.max(1, spec.maxInFlightBytesPerConnection() / Math.max(1, requestBytes));
        this.slotReadBytes = slowRead ? new long[slots] : null;
        this.stalls = new SendStalls(slots);
    }

    /** Global index of the slot's connection over all shards: shard-local connection {@code index + s*workers}. */
    private int globalConn(int s) {
        return spec.firstConnectionIndex() + index + s * workers;
    }

    /** Adds this worker's answers so far by HTTP status code; see {@link Protocol#addStatusCounts}. */
    void addStatusCounts(long[] into) {
        protocol.addStatusCounts(into);
    }

    boolean done() {
        return done;
    }

    /** Ceiling: connections that answered their echo in verification round {@code round} (0 until it began here). */
    int verified(int round) {
        long tagged = verifiedInRoundTagged;
        return (int) (tagged >>> 32) == round ? (int) tagged : 0;
    }

    /** Ceiling: whether every request of hold {@code round} has been answered (or abandoned) after its end. */
    boolean drained(int round) {
        return drainedHoldRound >= round;
    }

    void wakeup() {
        poller.wakeup();
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (IOException | RuntimeException e) {
            control.errors.record(ErrorKind.CONNECT, "worker " + index + " failed: " + e);
        } finally {
            closeAll();
            done = true;
            if (!reportedConnected) {
                control.connected.countDown();
            }
        }
    }

    private void loop() throws IOException {
        boolean running = false;
        while (!control.stopped()) {
            long nowNs = System.nanoTime();
            openDue(nowNs);
            if (ceiling) {
                followSteps(nowNs);
            }
            if (!running && control.runStartNs() != 0) {
                running = true;
                onRunStart(control.runStartNs(), nowNs);
            }
            if (running && schedule != null) {
                advanceSchedule(nowNs);
            }
            if (running && slowRead && nowNs >= nextSlowReadNs) {
                readThrottled(nowNs);
                nextSlowReadNs = nowNs + SLOW_READ_TICK_NS;
            }
            if (nowNs >= nextSweepNs) {
                sweep(nowNs);
                nextSweepNs = nowNs + SWEEP_INTERVAL_NS;
                if (running && issuedTotal >= budget && allAnswered()) {
                    break;
                }
                if (hold != null && drainedHoldRound != hold.round() && nowNs >= hold.endNs() && allAnswered()) {
                    drainedHoldRound = hold.round();
                }
            }
            long waitNs = Math.min(MAX_WAIT_NS, nextSweepNs - nowNs);
            if (openCount > 0) {
                long openAtNs = Math.max(nextConnectNs, timeNs[openQueue[openHead]]);
                waitNs = Math.min(waitNs, openAtNs - nowNs);
            }
            if (running && schedule != null && schedule.eventNs(nextEvent) != Long.MAX_VALUE) {
                // MAX_VALUE: a staged rate that ended at 0 schedules nothing more.
                waitNs = Math.min(waitNs, schedule.eventNs(nextEvent) + sendSlackNs - nowNs);
            }
            if (running && slowRead) {
                waitNs = Math.min(waitNs, nextSlowReadNs - nowNs);
            }
            if (ceiling) {
                waitNs = Math.min(waitNs, ceilingWaitNs(nowNs));
            }
            if (waitNs > MAX_BLIND_PARK_NS) {
                // select() sleeps in whole milliseconds: a send due sooner goes out up to 1 ms late, as with
                // wrk2's millisecond timers, and is measured so (from its intended time). Sleeping in select
                // rather than a precise park keeps answers seen the moment they arrive.
                poller.poll(Math.max(1, waitNs / 1_000_000), onReady);
            } else if (poller.poll(0, onReady) == 0 && waitNs > 0) {
                LockSupport.parkNanos(waitNs);
            }
        }
    }

    private void onRunStart(long runStartNs, long nowNs) {
        this.runStartNs = runStartNs;
        if (spec.model().scheduled()) {
            // Workers start half an event apart so that their sends interleave instead of coinciding.
            double workerRate = spec.ratePerSec() * slots / spec.connections();
            long phaseNs = (long) (1e9 / spec.ratePerSec() * index);
            schedule = spec.stages() == null ? new OpenLoopSchedule(runStartNs + phaseNs, workerRate, slots)
                    : new OpenLoopSchedule(runStartNs, spec.stages(), slots / (double) spec.connections(), index, slots);
            sendSlackNs = schedule.intervalNs() < MAX_SEND_SLACK_NS ? MAX_SEND_SLACK_NS : 0;
        } else {
            for (int s = 0; s < slots; s++) {
                if (state[s] >= OPEN) {
                    trySend(s, nowNs);
                }
            }
        }
    }

    private void advanceSchedule(long nowNs) {
        for (int n = 0; n < EVENTS_PER_TURN && schedule.eventNs(nextEvent) <= nowNs; n++) {
            recordSendLateness(clamp(nowNs - schedule.eventNs(nextEvent)));
            int s = schedule.connectionOf(nextEvent);
            nextEvent++;
            if (state[s] >= OPEN) {
                trySend(s, nowNs);
            }
        }
    }

    /** Issues what the slot may send now: up to its pipeline depth, what the schedule says is due, the budget. */
    private void trySend(int s, long nowNs) {
        if (batch && issued[s] != completed[s]) {
            return;
        }
        long limit = completed[s] + (slowRead ? maxInFlightRequests : depth);
        if (schedule != null) {
            limit = Math.min(limit, schedule.dueRequests(s, nextEvent));
        }
        limit = Math.min(limit, issued[s] + (budget - issuedTotal));
        long k = issued[s];
        if (k >= limit) {
            return;
        }
        if (slowRead) {
            // No latency is recorded for this model: no send times to keep.
            k = limit;
        } else {
            for (; k < limit; k++) {
                sentNs[s * depth + (int) (k % depth)] = nowNs;
            }
        }
        issuedTotal += k - issued[s];
        issued[s] = k;
        flush(s, nowNs);
    }

    /** Writes what is queued and not yet written; asks for OP_WRITE only while the socket buffer is full. */
    private void flush(int s, long nowNs) {
        long queued = (issued[s] - firstSeq[s]) * requestBytes;
        long from = written[s];
        try {
            while (from < queued) {
                long to = Math.min(queued, from + writeChunkBytes);
                writeBuffer.clear();
                protocol.writeRequestBytes(s, globalConn(s), firstSeq[s], from, to, writeBuffer);
                writeBuffer.flip();
                int n = poller.write(s, writeBuffer);
                from += n;
                if (slowRead) {
                    bytesSent.lazySet(bytesSent.get() + n);
                    if (n > 0) {
                        stalls.onAccepted(s, nowNs);
                    }
                    if (writeBuffer.hasRemaining()) {
                        stalls.onRefused(s, nowNs);
                    }
                }
                if (writeBuffer.hasRemaining()) {
                    break;
                }
            }
        } catch (IOException e) {
            written[s] = from;
            close(s, ErrorKind.RESET, "write failed: " + e.getMessage(), nowNs);
            return;
        }
        written[s] = from;
        boolean wantsWrite = from < queued;
        if (slowRead && !wantsWrite && issued[s] - completed[s] >= maxInFlightRequests) {
            stalls.onCapReached(s);
        }
        if (wantsWrite != (state[s] == OPEN_WANTS_WRITE)) {
            state[s] = wantsWrite ? OPEN_WANTS_WRITE : OPEN;
            try {
                poller.watch(s, !slowRead, wantsWrite);
            } catch (IOException e) {
                close(s, ErrorKind.RESET, "cannot wait for the socket to drain: " + e.getMessage(), nowNs);
            }
        }
    }

    private void onReady(int s, int ready) {
        long nowNs = System.nanoTime();
        if ((ready & Poller.CONNECT) != 0) {
            if (state[s] == CONNECTING) {
                onConnectable(s, nowNs);
            }
            return;
        }
        if ((ready & Poller.WRITE) != 0 && state[s] >= OPEN) {
            flush(s, nowNs);
        }
        if ((ready & Poller.READ) != 0 && state[s] >= OPEN) {
            if (slowRead) {
                // A throttled slot does not wait for reads: readiness here is epoll's error or hang-up.
                close(s, ErrorKind.RESET, "connection failed or hung up by the server while the reader was throttled",
                        nowNs);
            } else {
                onReadable(s, nowNs);
            }
        }
    }

    private void onReadable(int s, long nowNs) {
        readBuffer.clear();
        int n;
        try {
            n = poller.read(s, readBuffer);
        } catch (IOException e) {
            close(s, ErrorKind.RESET, "read failed: " + e.getMessage(), nowNs);
            return;
        }
        if (n < 0) {
            close(s, ErrorKind.RESET, "connection closed by the server", nowNs);
            return;
        }
        if (n == 0) {
            return;
        }
        bytesRead.lazySet(bytesRead.get() + n);
        readBuffer.flip();
        int outstanding = (int) (issued[s] - completed[s]);
        int answered = protocol.onResponseBytes(s, globalConn(s), completed[s], outstanding, readBuffer);
        if (answered == Protocol.MISMATCH) {
            close(s, ErrorKind.PROTOCOL, protocol.mismatch(), nowNs);
            return;
        }
        if (answered == Protocol.LOST) {
            // A lost datagram is an answer that never came: a timeout, seen early. The slot starts over like a
            // connection that failed, abandoning what else it had in flight: each of those is a failed request.
            close(s, ErrorKind.TIMEOUT, protocol.mismatch(), nowNs);
            return;
        }
        if (answered > 0) {
            this.answered.lazySet(this.answered.get() + answered);
            long token = latencies.beginBatch();
            try {
                for (int i = 0; i < answered; i++) {
                    long k = completed[s];
                    long sent = sentNs[s * depth + (int) (k % depth)];
                    long intendedNs = intendedNs(s, k);
                    latencies.record(intendedNs < 0 ? -1 : clamp(nowNs - intendedNs), clamp(nowNs - sent));
                    completed[s] = k + 1;
                }
            } finally {
                latencies.endBatch(token);
            }
        }
        if (answered > 0) {
            if (spec.model() == LoadModel.CHURN) {
                closedCycles.lazySet(closedCycles.get() + 1);
                close(s, null, null, nowNs);
            } else if (ceiling) {
                onCeilingAnswer(s);
            } else {
                trySend(s, nowNs);
            }
        }
    }

    /**
     * slowread: each open slot reads what its rate has earned since the run started and not yet spent (no burst
     * credit beyond that), checks the bytes, and refills its in-flight window with what was answered.
     */
    private void readThrottled(long nowNs) {
        long earnedBytes = (long) (spec.readRateBytesPerSec() * ((nowNs - runStartNs) / 1e9));
        for (int s = 0; s < slots; s++) {
            long allowanceBytes = earnedBytes - slotReadBytes[s];
            while (state[s] >= OPEN && allowanceBytes > 0) {
                readBuffer.clear();
                readBuffer.limit((int) Math.min(BUFFER_BYTES, allowanceBytes));
                int n;
                try {
                    n = poller.read(s, readBuffer);
                } catch (IOException e) {
                    close(s, ErrorKind.RESET, "read failed: " + e.getMessage(), nowNs);
                    break;
                }
                if (n < 0) {
                    close(s, ErrorKind.RESET, "connection closed by the server", nowNs);
                    break;
                }
                if (n == 0) {
                    break;
                }
                allowanceBytes -= n;
                slotReadBytes[s] += n;
                bytesRead.lazySet(bytesRead.get() + n);
                readBuffer.flip();
                int outstanding = (int) Math.min(Integer.MAX_VALUE, issued[s] - completed[s]);
                int answers = protocol.onResponseBytes(s, globalConn(s), completed[s], outstanding, readBuffer);
                if (answers == Protocol.MISMATCH) {
                    close(s, ErrorKind.PROTOCOL, protocol.mismatch(), nowNs);
                    break;
                }
                if (answers > 0) {
                    completed[s] += answers;
                    answered.lazySet(answered.get() + answers);
                    trySend(s, nowNs);
                }
            }
        }
    }

    /**
     * Ceiling: queues the slots the step adds (at the connect rate, like any open), starts a verification round
     * or a hold when the coordinator does, and sends what either has due.
     */
    private void followSteps(long nowNs) {
        StepControl steps = control.steps;
        int target = CeilingPlan.share(steps.connections(), index, workers);
        while (stepSlots < target) {
            requeue(stepSlots++, nowNs);
        }
        if (steps.verifyRound() != verifyRoundSeen) {
            verifyRoundSeen = steps.verifyRound();
            verifiedSlots.clear();
            verifiedInRound = 0;
            verifiedInRoundTagged = (long) verifyRoundSeen << 32;
            verifySlots = stepSlots;
            verifyCursor = 0;
            nextVerifyNs = nowNs;
        }
        if (verifyRoundSeen > 0 && verifiedInRound < verifySlots) {
            sendVerifications(nowNs);
        }
        StepControl.Hold current = steps.hold();
        if (current != hold && (hold == null || current.round() != hold.round())) {
            hold = current;
            double workerRate = hold.ratePerSec() * stepSlots / Math.max(1, steps.connections());
            // Workers start half an event apart so that their sends interleave instead of coinciding.
            long phaseNs = (long) (1e9 / hold.ratePerSec() * index);
            holdSchedule = stepSlots == 0 ? null : new OpenLoopSchedule(hold.startNs() + phaseNs, workerRate, 1);
            holdEvent = 0;
            sendSlackNs = holdSchedule != null && holdSchedule.intervalNs() < MAX_SEND_SLACK_NS ? MAX_SEND_SLACK_NS : 0;
        }
        if (holdSchedule != null) {
            sendHoldRequests(nowNs);
        }
    }

    /** One echo per connection of the step, paced at this worker's share of the verify rate, none sent twice. */
    private void sendVerifications(long nowNs) {
        while (nextVerifyNs <= nowNs) {
            int s = nextUnverified();
            if (s < 0) {
                // The rest are in flight or reconnecting: look again after a sweep interval, not every turn.
                nextVerifyNs = nowNs + SWEEP_INTERVAL_NS;
                return;
            }
            timeNs[s] = nowNs;
            sendOne(s, nowNs);
            // Without a backlog of credit, like the connect pacing.
            nextVerifyNs = Math.max(nextVerifyNs, nowNs - (long) verifyIntervalNs) + (long) verifyIntervalNs;
        }
    }

    /** The next slot from the cursor that is open, idle and not yet verified this round; -1 when none is. */
    private int nextUnverified() {
        for (int i = 0; i < verifySlots; i++) {
            int s = (verifyCursor + i) % verifySlots;
            if (!verifiedSlots.get(s) && state[s] >= OPEN && issued[s] == completed[s]) {
                verifyCursor = s + 1;
                return s;
            }
        }
        return -1;
    }

    /**
     * The hold's events that are due, each sent on a connection chosen uniformly at random among the idle open
     * ones and measured from the event's intended time. When every connection is busy the event waits (and is
     * measured late), as the open model's backlog does. Events due after the hold's end are not sent.
     */
    private void sendHoldRequests(long nowNs) {
        holdWaitsForSlot = false;
        for (int n = 0; n < EVENTS_PER_TURN; n++) {
            long dueNs = holdSchedule.eventNs(holdEvent);
            if (dueNs > nowNs || dueNs >= hold.endNs()) {
                return;
            }
            int s = randomIdleSlot();
            if (s < 0) {
                holdWaitsForSlot = true;
                return;
            }
            recordSendLateness(clamp(nowNs - dueNs));
            timeNs[s] = dueNs;
            sendOne(s, nowNs);
            holdEvent++;
        }
    }

    /** A uniformly random slot of the step, moved on to the next idle open one; -1 when none is. */
    private int randomIdleSlot() {
        int start = random.nextInt(stepSlots);
        for (int i = 0; i < stepSlots; i++) {
            int s = (start + i) % stepSlots;
            if (state[s] >= OPEN && issued[s] == completed[s]) {
                return s;
            }
        }
        return -1;
    }

    /** Issues one request on an idle slot (ceiling: depth 1); its intended time is already in timeNs. */
    private void sendOne(int s, long nowNs) {
        sentNs[s * depth + (int) (issued[s] % depth)] = nowNs;
        issued[s]++;
        issuedTotal++;
        flush(s, nowNs);
    }

    private void onCeilingAnswer(int s) {
        if (verifyRoundSeen > 0 && s < verifySlots && !verifiedSlots.get(s)) {
            verifiedSlots.set(s);
            verifiedInRound++;
            verifiedInRoundTagged = ((long) verifyRoundSeen << 32) | verifiedInRound;
        }
    }

    /** How long the loop may sleep before the next verification or hold event is due. */
    private long ceilingWaitNs(long nowNs) {
        long waitNs = Long.MAX_VALUE;
        if (verifyRoundSeen > 0 && verifiedInRound < verifySlots) {
            waitNs = nextVerifyNs - nowNs;
        }
        // An event that waits for a connection to come free waits for an answer (the poll wakes on it), not for its
        // time, which has passed: a loop that went on polling without blocking would take a core from the server.
        if (holdSchedule != null && !holdWaitsForSlot && holdSchedule.eventNs(holdEvent) < hold.endNs()) {
            waitNs = Math.min(waitNs, holdSchedule.eventNs(holdEvent) + sendSlackNs - nowNs);
        }
        return waitNs;
    }

    private static long clamp(long ns) {
        return ns < 1 ? 1 : Math.min(ns, MAX_LATENCY_NS);
    }

    /**
     * Records how late this loop handled one schedule event: the generator's own health, in the same interval unit
     * as the latencies, so the run keeps the measured window's lateness apart from the warm-up's and logs it per
     * interval. One writer section per event, as a {@code SingleWriterRecorder} would take.
     */
    private void recordSendLateness(long latenessNs) {
        long token = latencies.beginBatch();
        try {
            latencies.recordSendLateness(latenessNs);
        } finally {
            latencies.endBatch(token);
        }
    }

    /** Opens connections whose turn has come, at the connect rate. */
    private void openDue(long nowNs) {
        while (openCount > 0) {
            int s = openQueue[openHead];
            if (timeNs[s] > nowNs || nextConnectNs > nowNs) {
                return;
            }
            openHead = (openHead + 1) % slots;
            openCount--;
            // Without a backlog of credit: a late loop turn may open one extra, not a burst.
            nextConnectNs = Math.max(nextConnectNs, nowNs - (long) connectIntervalNs) + (long) connectIntervalNs;
            connect(s, nowNs);
        }
    }

    private Target targetOf(int s) {
        return spec.targets().get((index + s * workers) % spec.targets().size());
    }

    private void connect(int s, long nowNs) {
        int shardConn = index + s * workers;
        Target target = targetOf(s);
        state[s] = CONNECTING;
        timeNs[s] = nowNs;
        try {
            InetSocketAddress source = spec.sources().isEmpty() ? null
                    : SourcePorts.of((long) spec.firstConnectionIndex() + shardConn, spec.sources());
            if (poller.connect(s, target.address(), source)) {
                onConnected(s, nowNs);
            }
        } catch (IOException | RuntimeException e) {
            connectFailed(s, target.text() + ": " + describe(e), nowNs);
        }
    }

    private void onConnectable(int s, long nowNs) {
        try {
            poller.finishConnect(s);
            onConnected(s, nowNs);
        } catch (IOException e) {
            connectFailed(s, targetOf(s).text() + ": " + describe(e), nowNs);
        }
    }

    private void onConnected(int s, long nowNs) {
        state[s] = OPEN;
        control.openConnections.incrementAndGet();
        firstSeq[s] = issued[s];
        written[s] = 0;
        protocol.reset(s);
        triedOnce(s);
        if (slowRead) {
            try {
                poller.watch(s, false, false);
            } catch (IOException e) {
                close(s, ErrorKind.RESET, "cannot stop waiting for reads: " + e.getMessage(), nowNs);
                return;
            }
        }
        if (control.runStartNs() != 0) {
            trySend(s, nowNs);
        }
    }

    private void connectFailed(int s, String description, long nowNs) {
        control.errors.record(ErrorKind.CONNECT, description);
        if (ceiling) {
            control.steps.onConnectFailed(description);
        }
        poller.close(s);
        state[s] = IDLE;
        requeue(s, nowNs + RECONNECT_DELAY_NS);
        triedOnce(s);
    }

    private void triedOnce(int s) {
        if (tried.get(s)) {
            return;
        }
        tried.set(s);
        if (!reportedConnected && ++slotsTried >= slots) {
            reportedConnected = true;
            control.connected.countDown();
        }
    }

    /**
     * Closes the slot's connection; {@code kind} null is a normal close (churn). Requests in flight are lost: with an
     * error, each is a failed request ({@link #recordFailed}). Once the run is stopping, neither the error nor the
     * requests count: the coordinator has taken its last sample, and a connection that breaks while everything is
     * being torn down says nothing about the server under load.
     */
    private void close(int s, ErrorKind kind, String description, long nowNs) {
        if (state[s] < OPEN) {
            return;
        }
        if (kind != null && !control.stopped()) {
            control.errors.record(kind, description);
            recordFailed(s, kind, nowNs);
        }
        control.openConnections.decrementAndGet();
        poller.close(s);
        state[s] = IDLE;
        completed[s] = issued[s];
        stalls.onAccepted(s, nowNs);
        requeue(s, kind == null ? nowNs : nowNs + RECONNECT_DELAY_NS);
    }

    /**
     * Records every request in flight on the slot as failed by {@code kind} at {@code nowNs}: in the corrected view
     * from its intended send time, in the uncorrected one from its actual send, as an answer at that instant would
     * have been. A request lost to a timeout counts as at least the timeout in both, whichever way the loss was
     * seen: swept after it, or early (a lost datagram, known lost when a later one's answer came, or a request behind
     * the one that timed out on its connection): a client gives a request that long before it calls it failed, so
     * no failure reads faster than that wait. Without it, p99 would hold only the answered requests and look better
     * exactly when the server fails some.
     */
    private void recordFailed(int s, ErrorKind kind, long nowNs) {
        long lost = issued[s] - completed[s];
        if (lost <= 0) {
            return;
        }
        long token = latencies.beginBatch();
        try {
            if (slowRead) {
                // No send times are kept in this model (it records no latency): the failures are counted only.
                latencies.countFailures(kind, lost);
                return;
            }
            long floorNs = kind == ErrorKind.TIMEOUT ? spec.timeoutNs() : 1;
            for (long k = completed[s]; k < issued[s]; k++) {
                long sent = sentNs[s * depth + (int) (k % depth)];
                long intendedNs = intendedNs(s, k);
                latencies.recordFailure(kind, intendedNs < 0 ? -1 : clamp(Math.max(floorNs, nowNs - intendedNs)),
                        clamp(Math.max(floorNs, nowNs - sent)));
            }
        } finally {
            latencies.endBatch(token);
        }
    }

    /** When request {@code k} of the slot was meant to be sent; -1 in the models without a schedule. */
    private long intendedNs(int s, long k) {
        // Ceiling: one request in flight at a time, its intended time kept in timeNs while the slot is open.
        return ceiling ? timeNs[s] : schedule == null ? -1 : schedule.intendedNs(s, k);
    }

    private void requeue(int s, long atNs) {
        timeNs[s] = atNs;
        openQueue[(openHead + openCount) % slots] = s;
        openCount++;
    }

    /** Times out connects and requests that waited longer than the timeout. */
    private void sweep(long nowNs) {
        long timeoutNs = spec.timeoutNs();
        for (int s = 0; s < slots; s++) {
            if (state[s] == CONNECTING && nowNs - timeNs[s] > timeoutNs) {
                connectFailed(s, "connect timed out after " + Durations.toSeconds(timeoutNs) + " s", nowNs);
            } else if (!slowRead && state[s] >= OPEN && issued[s] > completed[s]
                    && nowNs - sentNs[s * depth + (int) (completed[s] % depth)] > timeoutNs) {
                close(s, ErrorKind.TIMEOUT, "no answer within " + Durations.toSeconds(timeoutNs) + " s", nowNs);
            }
        }
    }

    private boolean allAnswered() {
        for (int s = 0; s < slots; s++) {
            if (issued[s] != completed[s]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The end of the run: requests still in flight are not failures (the run stopped waiting for them, the server
     * did not fail them) and are not recorded; the last sample has been taken anyway.
     */
    private void closeAll() {
        long nowNs = System.nanoTime();
        for (int s = 0; s < slots; s++) {
            stalls.onAccepted(s, nowNs);
            if (state[s] >= OPEN) {
                control.openConnections.decrementAndGet();
            }
            state[s] = IDLE;
        }
        poller.close();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
