package io.reactorbench.loadgen.coordinator;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.reactorbench.results.load.LoadResult;

/**
 * Every message of the agent protocol (docs/distributed.md, "The agent protocol"), one record each, sent as one JSON
 * object per frame ({@link AgentFrames}) whose {@code type} names the record. A message missing a field it needs is
 * malformed: the compact constructors refuse it, so a decoded message is always whole.
 *
 * <p>In order: the agent sends {@link Hello}; the coordinator answers {@link Refuse}, or several {@link Ping}s (each
 * answered by a {@link Pong}: the clock exchange) and {@link Welcome}; the agent opens its connections and sends
 * {@link Ready}, and answers the pings of a second exchange; the coordinator sends {@link Start} once all K are ready; the agent streams {@link Interval}s and ends
 * with its {@link Result}. The coordinator sends {@link Abort} instead of Start when the run cannot start, and any time
 * after it when the run is given up.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AgentMessage.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = AgentMessage.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = AgentMessage.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = AgentMessage.Welcome.class, name = "welcome"),
    @JsonSubTypes.Type(value = AgentMessage.Refuse.class, name = "refuse"),
    @JsonSubTypes.Type(value = AgentMessage.Ready.class, name = "ready"),
    @JsonSubTypes.Type(value = AgentMessage.Start.class, name = "start"),
    @JsonSubTypes.Type(value = AgentMessage.Interval.class, name = "interval"),
    @JsonSubTypes.Type(value = AgentMessage.Result.class, name = "result"),
    @JsonSubTypes.Type(value = AgentMessage.Abort.class, name = "abort")
})
public sealed interface AgentMessage {

    /** Longest tag an interval may carry (the load generator's longest is {@code step-NN-send-lateness}). */
    int MAX_TAG_CHARS = 64;

    /** The message's type as the protocol names it ({@code hello}, {@code interval} ...), for refusals. */
    default String typeName() {
        JsonSubTypes.Type[] types = AgentMessage.class.getAnnotation(JsonSubTypes.class).value();
        for (JsonSubTypes.Type type : types) {
            if (type.value() == getClass()) {
                return type.name();
            }
        }
        return getClass().getSimpleName();
    }

    /**
     * Agent to coordinator, first: who it is and what it will run.
     *
     * @param token  the run's secret, as read from the agent's {@code --token-file}
     * @param index  the agent's index, 0 to {@code agents - 1}
     * @param agents K, the number of agents the agent was started for
     * @param spec   the fingerprint of the agent's whole load ({@code LoadSpec.fingerprint()})
     */
    record Hello(String token, Integer index, Integer agents, String spec) implements AgentMessage {
        public Hello {
            require(token != null && index != null && agents != null && spec != null,
                    "hello needs token, index, agents and spec");
        }
    }

    /** Coordinator to agent: the clock exchange's request, stamped with the coordinator's clock (epoch µs). */
    record Ping(Long t1Us) implements AgentMessage {
        public Ping {
            require(t1Us != null, "ping needs t1Us");
        }
    }

    /**
     * Agent to coordinator: the answer, with the ping's stamp and the agent's clock when it received the ping and when
     * it sent this (epoch µs).
     */
    record Pong(Long t1Us, Long t2Us, Long t3Us) implements AgentMessage {
        public Pong {
            require(t1Us != null && t2Us != null && t3Us != null, "pong needs t1Us, t2Us and t3Us");
        }
    }

    /** Coordinator to agent: registered; the offset the exchange measured (agent minus coordinator), for its log. */
    record Welcome(Double clockOffsetMs) implements AgentMessage {
        public Welcome {
            require(clockOffsetMs != null, "welcome needs clockOffsetMs");
        }
    }

    /** Coordinator to agent, then it closes: why this agent is not taken (one line). */
    record Refuse(String reason) implements AgentMessage {
        public Refuse {
            require(reason != null, "refuse needs a reason");
        }
    }

    /** Agent to coordinator: its connections are open; it waits for the start. */
    record Ready() implements AgentMessage {
    }

    /** Coordinator to agent: begin the warm-up at this instant of the agent's own clock (epoch ms). */
    record Start(Long startEpochMs) implements AgentMessage {
        public Start {
            require(startEpochMs != null, "start needs startEpochMs");
        }
    }

    /**
     * Agent to coordinator: one interval histogram as the agent's {@code --hlog} would log it.
     *
     * @param seq       0, 1, 2 ... in the order sent: a gap or a repeat is out of order
     * @param tag       the interval's tag ({@code uncorrected}, {@code send-lateness}; null for the main series)
     * @param startMs   the interval's start on the agent's wall clock, epoch ms
     * @param endMs     its end, likewise
     * @param histogram HdrHistogram's compressed encoding of the interval, base64 (as in an .hlog line)
     */
    record Interval(Long seq, String tag, Long startMs, Long endMs, String histogram) implements AgentMessage {
        public Interval {
            require(seq != null && startMs != null && endMs != null && histogram != null,
                    "interval needs seq, startMs, endMs and histogram");
            require(startMs <= endMs, "interval ends before it starts");
            require(tag == null || tag.length() <= MAX_TAG_CHARS && tag.chars().allMatch(
                    c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'), "interval tag is not a load tag");
        }
    }

    /** Agent to coordinator, last: the agent's own result (load.json), after its last interval. */
    record Result(LoadResult result) implements AgentMessage {
        public Result {
            require(result != null, "result needs result");
        }
    }

    /** Coordinator to agent: the run is given up (deadline passed, another agent failed); stop, send nothing more. */
    record Abort(String reason) implements AgentMessage {
        public Abort {
            require(reason != null, "abort needs a reason");
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
